// The two encodings condor_submit_dag writes into the DAGMan job's description: the argument
// list (ArgList::GetArgsStringV1WackedOrV2Quoted) and the environment (class Env: V1 or V2
// input merged into a table sorted by name, written V2 quoted). Only what the .condor.sub
// needs; the submit language's own arguments/environment commands live elsewhere.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace htcondor::submit::dag {

// join_args(): each argument appended with ' ' between, whitespace and ' quoted with '...'
// ('' inside), an empty argument as ''.
std::string joinArgs(const std::vector<std::string>& args);
// V1 "wacked" when no argument holds whitespace (" escaped as \"), else V2 quoted ("..." with
// " doubled).
std::string argsV1WackedOrV2Quoted(const std::vector<std::string>& args);

class Environment {
 public:
  // SetEnv(var, val): an empty name is refused.
  bool set(const std::string& name, const std::string& value);
  bool has(const std::string& name) const { return table_.contains(name); }
  // Env::Import(filter) over "NAME=value" entries: entries without a name or '=' skipped, a
  // name already present kept, the filter deciding the rest.
  void import(const std::vector<std::string>& environ,
              const std::function<bool(const std::string&, const std::string&)>& filter);
  // MergeFromV1RawOrV2Quoted(): false with HTCondor's message (possibly empty) on failure;
  // entries before the bad one stay merged, as in HTCondor.
  bool mergeV1RawOrV2Quoted(std::string_view text, std::string& error);
  // getDelimitedStringV2Quoted().
  std::string v2Quoted() const;

 private:
  bool setFromExpression(const std::string& expr, std::string* error);
  std::map<std::string, std::string> table_;
};

}  // namespace htcondor::submit::dag
