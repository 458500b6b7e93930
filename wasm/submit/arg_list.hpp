// HTCondor's argument and environment string syntaxes (ArgList in condor_arglist, Env in env):
// old (V1) syntax, new (V2) syntax in double quotes, and V2 "raw" output with '...' quoting.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace htcondor::submit {

// IsV2QuotedString: starts (after white space) with a double quote.
bool isV2Quoted(std::string_view s);
// V2QuotedToV2Raw: the text between the quotes with "" unescaped; false with condor's message.
bool v2QuotedToRaw(std::string_view s, std::string& raw, std::string& error);
// split_args: V2 raw words, '...' quoting with '' for a quote.
bool splitArgsV2(std::string_view s, std::vector<std::string>& out, std::string& error);
// join_args: words into V2 raw, quoting white space and quotes.
std::string joinArgsV2(const std::vector<std::string>& args);

struct ArgList {
  std::vector<std::string> args;
  bool inputWasV1 = false;
  // AppendArgsV1WackedOrV2Quoted / AppendArgsV2Quoted.
  bool appendV1WackedOrV2Quoted(std::string_view s, std::string& error);
  bool appendV2Quoted(std::string_view s, std::string& error);
  // GetArgsStringV1Raw: words joined by spaces; false when a word holds white space.
  bool v1Raw(std::string& out, std::string& error) const;
  std::string v2Raw() const { return joinArgsV2(args); }
};

struct Environment {
  std::map<std::string, std::string> vars;  // sorted, as HTCondor's Env
  bool mergeV1RawOrV2Quoted(std::string_view s, std::string& error);
  bool mergeV2Quoted(std::string_view s, std::string& error);
  bool mergeV2Raw(std::string_view s, std::string& error);
  bool mergeV1AutoDelim(std::string_view s, std::string& error);
  bool setFromNameValue(const std::string& expr, std::string& error);
  std::string v2Raw() const;
  // V1 syntax with ';' between entries; false when a value holds ';' or a newline.
  bool v1Raw(std::string& out, std::string& error) const;
};

}  // namespace htcondor::submit
