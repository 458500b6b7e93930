// Submit.from_dag() against what HTCondor 23.9.6's Python bindings did on the same DAGs and
// options: test/native/fixtures/dag/<case>/ holds the input files (in/), case.txt (the
// options, the environment, the exception or "ok", what was printed, the files removed and
// created) and expected.sub (the .condor.sub written). generate.py there records them; the
// directory a case ran in is written @CWD@.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "config/config_text.hpp"
#include "config/config_values.hpp"
#include "submit/dag_args_env.hpp"
#include "submit/dag_file_scan.hpp"
#include "submit/dag_options.hpp"
#include "submit/dag_submit_description.hpp"

using namespace htcondor::submit::dag;
namespace fs = std::filesystem;

namespace {

constexpr const char* kCwd = "/home/someone/dags";
constexpr const char* kVersion = "$CondorVersion: 23.9.6 2026-07-12 PackageID: 23.9.6+dfsg-2.1+b10 $";

std::string readText(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string unescape(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size()) {
      char c = text[++i];
      out += c == 'n' ? '\n' : c == 't' ? '\t' : c;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::string placeCwd(std::string text) {
  for (size_t at; (at = text.find("@CWD@")) != std::string::npos;) text.replace(at, 5, kCwd);
  return text;
}

std::vector<std::string> fields(const std::string& line) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1) out.push_back(line.substr(start, tab - start));
  out.push_back(line.substr(start));
  return out;
}

struct Case {
  std::string dag;
  std::vector<FromDagOption> options;
  std::vector<std::string> environment;
  std::string result, stdoutText, stderrText;
  std::set<std::string> removed, created;
  std::map<std::string, std::string> files;  // by path relative to the case's directory
  std::optional<std::string> expected;
};

Case loadCase(const fs::path& dir) {
  Case c;
  std::istringstream lines(readText(dir / "case.txt"));
  for (std::string line; std::getline(lines, line);) {
    auto f = fields(line);
    if (f[0] == "dag") c.dag = f[1];
    if (f[0] == "option") {
      std::string value = unescape(f[3]);
      PythonValue v = OtherPythonType{};
      if (f[2] == "str") v = value;
      if (f[2] == "int") v = std::stoll(value);
      if (f[2] == "bool") v = value == "True";
      c.options.push_back({f[1], v});
    }
    if (f[0] == "env") c.environment.push_back(unescape(f[1]));
    if (f[0] == "result") c.result = unescape(f[1]);
    if (f[0] == "stdout") c.stdoutText = placeCwd(unescape(f[1]));
    if (f[0] == "stderr") c.stderrText = placeCwd(unescape(f[1]));
    if (f[0] == "removed") c.removed.insert(f[1]);
    if (f[0] == "created") c.created.insert(f[1]);
  }
  if (fs::exists(dir / "in")) {
    for (const auto& entry : fs::recursive_directory_iterator(dir / "in")) {
      if (entry.is_regular_file()) c.files[fs::relative(entry.path(), dir / "in").generic_string()] = readText(entry.path());
    }
  }
  if (fs::exists(dir / "expected.sub")) c.expected = placeCwd(readText(dir / "expected.sub"));
  return c;
}

// The facts of a case: its files in memory under kCwd, HTCondor knobs from _CONDOR_ variables.
DagFacts factsFor(const Case& c, const std::map<std::string, std::string>& files) {
  DagFacts facts = defaultDagFacts();
  facts.cwd = kCwd;
  facts.environment = c.environment;
  facts.dagmanPath = "/usr/bin/condor_dagman";
  facts.condorVersion = kVersion;
  facts.files.readFile = [&files](const std::string& path) -> std::optional<std::string> {
    std::string rel = path;
    std::string prefix = std::string(kCwd) + "/";
    if (rel.starts_with(prefix)) rel = rel.substr(prefix.size());
    auto it = files.find(rel);
    if (it == files.end()) return std::nullopt;
    return it->second;
  };
  for (const auto& entry : c.environment) {
    auto eq = entry.find('=');
    std::string name = entry.substr(0, eq), value = entry.substr(eq + 1);
    if (name == "_CONDOR_DAGMAN_MANAGER_JOB_APPEND_GETENV") facts.config.managerJobAppendGetenv = value;
    if (name == "_CONDOR_DAGMAN_ON_EXIT_REMOVE") facts.config.onExitRemove = value;
    if (name == "_CONDOR_DAGMAN_INSERT_SUB_FILE") facts.config.insertSubFile = value;
    if (name == "_CONDOR_DAGMAN_AUTO_RESCUE") facts.config.autoRescue = htcondor::config::parseBoolean(value).value_or(true);
  }
  return facts;
}

}  // namespace

TEST_CASE("dag: from_dag matches HTCondor 23.9.6 on the recorded cases") {
  fs::path root = fs::path(__FILE__).parent_path() / "fixtures" / "dag";
  int cases = 0;
  for (const auto& entry : fs::directory_iterator(root)) {
    if (!entry.is_directory()) continue;
    ++cases;
    std::string name = entry.path().filename().string();
    CAPTURE(name);
    Case c = loadCase(entry.path());
    std::map<std::string, std::string> files = c.files;
    DagFacts facts = factsFor(c, files);
    auto got = fromDag(c.dag, c.options, facts);
    if (c.result != "ok") {
      REQUIRE_FALSE(got.ok());
      CHECK(std::string(errorClassName(got.error().kind)) + ": " + got.error().message == c.result);
      CHECK(got.error().stdoutText == c.stdoutText);
      CHECK(got.error().stderrText == c.stderrText);
      continue;
    }
    REQUIRE(got.ok());
    REQUIRE(c.expected.has_value());
    CHECK(got->description == *c.expected);
    CHECK(got->stdoutText == c.stdoutText);
    CHECK(got->stderrText == c.stderrText);
    CHECK(got->submitFile == c.dag + ".condor.sub");
    // Apply the actions and the write to the files: the same ones go and come as in 23.9.6.
    std::map<std::string, std::string> after = files;
    for (const auto& action : got->actions) {
      auto it = after.find(action.path);
      if (it == after.end()) continue;
      if (action.kind == FileAction::Kind::Rename) after[action.newPath] = it->second;
      after.erase(action.path);
    }
    after[got->submitFile] = got->description;
    std::set<std::string> removed, created;
    for (const auto& [path, _] : files) {
      if (!after.contains(path)) removed.insert(path);
    }
    for (const auto& [path, _] : after) {
      if (!files.contains(path)) created.insert(path);
    }
    CHECK(removed == c.removed);
    CHECK(created == c.created);
  }
  CHECK(cases >= 20);
}

TEST_CASE("dag: option names and types") {
  DagOptions options = defaultDagOptions(DagConfig{});
  CHECK(setOption(options, "maxidle", " 12abc") == SetOption::Success);
  CHECK(options.maxIdle == 12);
  CHECK(setOption(options, "MaxJobs", "x") == SetOption::InvalidValue);
  CHECK(setOption(options, "MaxJobs", "99999999999") == SetOption::InvalidValue);
  CHECK(setOption(options, "Force", "2") == SetOption::Success);
  CHECK(isTrue(options.force));
  CHECK(setOption(options, "Force", "-1") == SetOption::Success);
  CHECK(options.force == false);
  CHECK(setOption(options, "GetFromEnv", "A") == SetOption::Success);
  CHECK(setOption(options, "GetFromEnv", "") == SetOption::NoValue);
  CHECK(options.getFromEnv == std::vector<std::string>{"A"});
  CHECK(setOption(options, "Nope", "1") == SetOption::KeyDoesNotExist);
  CHECK(optionValueType("usedagdir") == "bool");
  CHECK(optionValueType("priority") == "integer");
  CHECK(optionValueType("alwaysrunpost") == "string");
  CHECK(defaultDagOptions(DagConfig{.autoRescue = false}).autoRescue == 0);
}

TEST_CASE("dag: argument and environment encodings") {
  CHECK(argsV1WackedOrV2Quoted({"-a", "b\"c"}) == "-a b\\\"c");
  CHECK(argsV1WackedOrV2Quoted({"a b", "", "it's"}) == "\"a' 'b '' it''''s\"");
  Environment env;
  std::string error;
  CHECK(env.mergeV1RawOrV2Quoted("|A=1|B=2", error));
  CHECK(env.mergeV1RawOrV2Quoted("\"C=$$(x) D=''\"", error));
  CHECK(env.mergeV1RawOrV2Quoted("E$$(y)", error));
  CHECK(error.empty());
  CHECK(env.v2Quoted() == "\"A=1 B=2 C=$$(x) D= E$$(y)\"");
  CHECK_FALSE(env.mergeV1RawOrV2Quoted("\"A=1", error));
  CHECK(error == "Unterminated double-quote.");
  error.clear();
  CHECK_FALSE(env.mergeV1RawOrV2Quoted("=x", error));
  CHECK(error == "ERROR: missing variable in '=x'.");
}

TEST_CASE("dag: file scan") {
  auto found = scanDagFile("JOB A a.sub\nconfig  my file.conf\nENV GET ,,\nENV\nset_job_attr A = \\\n 1\n");
  CHECK(found.configFiles == std::vector<std::string>{"my file.conf"});
  CHECK(found.getFromEnv.empty());
  CHECK(found.attrLines == std::vector<std::string>{"A = 1"});
  CHECK(found.errors == std::vector<std::string>{"Improperly-formatted file: sub-command (SET or GET) missing after keyword ENV"});
}

TEST_CASE("dag: no condor_dagman on PATH, multiple DAG files, valgrind") {
  std::map<std::string, std::string> files{{"x.dag", "SET_JOB_ATTR A = 1\n"}, {"y.dag", "JOB B b.sub\n"}};
  DagFacts facts = defaultDagFacts();
  facts.cwd = "/d";
  facts.files.readFile = [&files](const std::string& p) -> std::optional<std::string> {
    auto it = files.find(p);
    if (it == files.end()) return std::nullopt;
    return it->second;
  };
  // 23.9.6's bindings go on without DAGMan and without reading the DAG file.
  auto got = fromDag("x.dag", {}, facts);
  REQUIRE(got.ok());
  CHECK(got->stderrText == "ERROR: can't find condor_dagman in PATH, aborting.\n");
  CHECK(got->description.find("executable  = \n") != std::string::npos);
  CHECK(got->description.find("My.A") == std::string::npos);

  facts.dagmanPath = "/bin/condor_dagman";
  DagOptions options = defaultDagOptions(facts.config);
  options.addDagFile("x.dag");
  options.addDagFile("y.dag");
  options.runValgrind = true;
  auto missing = dagSubmitDescription(options, facts, false);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().stderrText == "ERROR: can't find valgrind in PATH, aborting.\n");
  facts.valgrindPath = "/bin/valgrind";
  auto multi = dagSubmitDescription(options, facts, false);
  REQUIRE(multi.ok());
  CHECK(multi->description.find("# Generated by condor_submit_dag x.dag y.dag \n") != std::string::npos);
  CHECK(multi->description.find("executable  = /bin/valgrind\n") != std::string::npos);
  CHECK(multi->description.find("copy_to_spool = False\n") != std::string::npos);
  CHECK(multi->description.find("--show-reachable=yes /bin/condor_dagman -p 0") != std::string::npos);
  CHECK(multi->description.find("-Dag x.dag -Dag y.dag") != std::string::npos);
  CHECK(multi->description.find("My.A = 1\n") != std::string::npos);
}
