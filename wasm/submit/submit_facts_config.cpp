#include "submit/submit_facts_config.hpp"

#include <charconv>

#include "config/config_text.hpp"

namespace htcondor::submit {

namespace {

// param_boolean(): true/false/yes/no/t/f (any case) and numbers; anything else keeps the default.
void readBool(const ConfigLookup& param, std::string_view name, bool& into) {
  auto v = param(name);
  if (!v) return;
  const std::string s = config::lowerCase(config::trim(*v));
  if (s == "true" || s == "yes" || s == "t" || s == "y" || s == "1") into = true;
  else if (s == "false" || s == "no" || s == "f" || s == "n" || s == "0") into = false;
}

void readInt(const ConfigLookup& param, std::string_view name, int& into) {
  auto v = param(name);
  if (!v) return;
  const std::string_view s = config::trim(*v);
  int n = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
  if (ec == std::errc() && end == s.data() + s.size()) into = n;
}

void readText(const ConfigLookup& param, std::string_view name, std::string& into) {
  if (auto v = param(name); v && !v->empty()) into = *v;
}

}  // namespace

SubmitFacts factsFromConfig(const ConfigLookup& param) {
  SubmitFacts f;
  readText(param, "FILESYSTEM_DOMAIN", f.fileSystemDomain);
  readText(param, "UID_DOMAIN", f.uidDomain);
  readText(param, "DEFAULT_UNIVERSE", f.defaultUniverse);
  readText(param, "JOB_DEFAULT_REQUESTMEMORY", f.jobDefaultRequestMemory);
  readText(param, "JOB_DEFAULT_REQUESTDISK", f.jobDefaultRequestDisk);
  readText(param, "JOB_DEFAULT_REQUESTCPUS", f.jobDefaultRequestCpus);
  readText(param, "JOB_DEFAULT_LEASE_DURATION", f.jobDefaultLeaseDuration);
  readText(param, "JOB_DEFAULT_NOTIFICATION", f.jobDefaultNotification);
  readText(param, "NICE_USER_ACCOUNTING_GROUP_NAME", f.niceUserAccountingGroup);
  readText(param, "APPEND_REQUIREMENTS", f.appendRequirements);
  readText(param, "APPEND_REQ_VANILLA", f.appendReqVanilla);
  readText(param, "DEFAULT_RANK", f.defaultRank);
  readText(param, "APPEND_RANK", f.appendRank);
  readInt(param, "SCHEDD_INTERVAL", f.scheddInterval);
  readInt(param, "DEFAULT_JOB_MAX_RETRIES", f.defaultJobMaxRetries);
  readInt(param, "CRED_MIN_TIME_LEFT", f.credMinTimeLeft);
  readBool(param, "SUBMIT_INSERT_DEFAULT_POLICY_EXPRS", f.insertDefaultPolicyExprs);
  readBool(param, "ENABLE_DEPRECATION_WARNINGS", f.enableDeprecationWarnings);
  readBool(param, "SIGN_S3_URLS", f.signS3Urls);
  readBool(param, "SUBMIT_SHOULD_SET_LOCAL_OWNER", f.setLocalOwner);
  return f;
}

}  // namespace htcondor::submit
