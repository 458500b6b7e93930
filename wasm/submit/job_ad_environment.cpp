// The job's environment (SetEnvironment): environment / env / environment2, and getenv, which
// imports condor_submit's own environment (from SubmitFacts) through a white/black list.
#include "submit/arg_list.hpp"
#include "submit/job_ad_state.hpp"

namespace htcondor::submit::detail {

namespace {

// A '*' wildcard match without case, as WhiteBlackEnvFilter's matching.
bool wildMatch(std::string_view pattern, std::string_view name) {
  size_t star = pattern.find('*');
  if (star == std::string_view::npos) return iequals(pattern, name);
  std::string_view head = pattern.substr(0, star), rest = pattern.substr(star + 1);
  if (name.size() < head.size() || !iequals(name.substr(0, head.size()), head)) return false;
  if (rest.find('*') != std::string_view::npos) {
    for (size_t i = head.size(); i <= name.size(); ++i)
      if (wildMatch(rest, name.substr(i))) return true;
    return false;
  }
  return name.size() >= head.size() + rest.size() && iequals(name.substr(name.size() - rest.size()), rest);
}

}  // namespace

void setEnvironment(JobAdState& st) {
  auto env1 = st.param("environment", "env");
  auto env2 = st.param("environment2");
  bool allowV1 = st.paramBool("allow_environment_v1", {}, false);
  bool preferV1 = false;
  if (env1 && !env2) {
    auto v1 = st.param("env");
    preferV1 = v1 && !isV2Quoted(*v1);
  }
  if (st.failed()) return;
  if (env1 && env2 && !allowV1)
    return st.fail("If you wish to specify both 'environment' and\n'environment2' for maximal compatibility with different\nversions of Condor, then you must also specify\nallow_environment_v1=true.");
  Environment env;
  std::string error;
  bool ok = true;
  if (env2) ok = env.mergeV2Quoted(*env2, error);
  else if (env1) ok = env.mergeV1RawOrV2Quoted(*env1, error);
  if (!ok) return st.fail(error + "\nThe environment you specified was: '" + (env2 ? *env2 : *env1) + "'");

  auto list = st.param("getenv", "get_env");
  if (list) {
    bool all = false;
    std::vector<std::string> white, black;
    bool isBool = stringIsBoolean(*list, all);
    if (!isBool) {
      all = true;
      for (const auto& item : splitList(*list, ",; \t\r\n")) (item[0] == '!' ? black : white).push_back(item[0] == '!' ? item.substr(1) : item);
    }
    if (all) {
      for (const auto& [name, value] : st.facts.environment) {
        if (env.vars.count(name)) continue;  // the description's own values win
        if (value.find('\n') != std::string::npos) continue;
        if (env1 && !env2 && value.find_first_of(";\n") != std::string::npos) continue;
        bool pass = white.empty() && black.empty();
        if (!black.empty() || !white.empty()) {
          pass = white.empty();
          for (const auto& w : white) pass = pass || wildMatch(w, name);
          for (const auto& b : black) pass = pass && !wildMatch(b, name);
        }
        if (pass) env.vars[name] = value;
      }
    }
  }
  if (preferV1) {
    std::string raw;
    if (!env.v1Raw(raw, error)) return st.fail("failed to insert environment into job ad: " + error);
    st.assignString("Env", raw);
    st.assignString("EnvDelim", ";");
  } else {
    st.assignString("Environment", env.v2Raw());
  }
}

}  // namespace htcondor::submit::detail
