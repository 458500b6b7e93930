// SetGSICredentials: the job's X.509 proxy (read and checked as condor_submit and the Python
// bindings do; for a 23.9 schedd only its path goes in the ad, the schedd reads the rest), the
// lifetime of a delegated proxy, and the SciToken file.
#include <cstdlib>

#include "config/macro_table.hpp"
#include "security/x509_proxy.hpp"
#include "submit/job_ad_state.hpp"

namespace htcondor::submit::detail {

namespace {

std::optional<std::string> getenv(const JobAdState& st, std::string_view name) {
  auto value = config::getenvIn(st.facts.environment, name);
  return value ? std::optional<std::string>(*value) : std::nullopt;
}

void setProxy(JobAdState& st) {
  auto proxy = st.param("x509userproxy");
  const bool use = st.paramBool("use_x509userproxy", {}, false);
  if (st.failed()) return;
  if (!proxy && use) {
    // get_x509_proxy_filename(): X509_USER_PROXY, else GSI's /tmp/x509up_u<euid>.
    proxy = getenv(st, "X509_USER_PROXY");
    if (!proxy && st.facts.euid) proxy = "/tmp/x509up_u" + std::to_string(*st.facts.euid);
    if (!proxy) return st.fail("Can't determine proxy filename\nX509 user proxy is required for this job.");
  }
  if (!proxy) return;
  const std::string file = st.fullPath(*proxy);
  const auto text = st.facts.readFile ? st.facts.readFile(file) : std::nullopt;
  const auto expiration = text ? security::x509ProxyExpiration(*text) : std::nullopt;
  if (!expiration) return st.fail("unable to read proxy file");
  if (*expiration < st.facts.qdate) return st.fail("proxy has expired");
  if (*expiration < st.facts.qdate + st.facts.credMinTimeLeft) return st.fail("proxy lifetime too short");
  st.assignString("x509userproxy", file);
}

void setDelegationLifetime(JobAdState& st) {
  auto text = st.param("delegate_job_gsi_credentials_lifetime", "DelegateJobGSICredentialsLifetime");
  if (!text) return;
  // strtol, and nothing may follow the number.
  char* end = nullptr;
  const long lifetime = std::strtol(text->c_str(), &end, 10);
  if (*end != '\0') return st.fail("invalid integer setting delegate_job_gsi_credentials_lifetime = " + *text);
  st.assignInt("DelegateJobGSICredentialsLifetime", static_cast<int>(lifetime));
}

// use_scitokens: true, false or auto (a token file was named, or BEARER_TOKEN_FILE is set);
// unset, a named scitokens_file is used.
void setScitokens(JobAdState& st) {
  const auto useText = st.param("use_scitokens", "use_scitoken");
  const auto file = st.param("scitokens_file", "ScitokensFile");
  if (st.failed()) return;
  bool use = file && !file->empty();
  if (useText) {
    if (iequals(*useText, "auto")) {
      const auto bearer = getenv(st, "BEARER_TOKEN_FILE");
      use = file.has_value() || (bearer && !bearer->empty());
    } else if (!stringIsBoolean(*useText, use)) {
      return st.fail("use_scitokens error. Value should be true, false, or auto.");
    }
  }
  if (!use) return;
  const auto token = file ? file : getenv(st, "BEARER_TOKEN_FILE");
  if (!token) {
    return st.fail("No Scitokens filename specified. Expected either scitokens_file command or the BEARER_TOKEN_FILE "
                   "environment variable to be set.");
  }
  st.assignString("ScitokensFile", st.fullPath(*token));
}

}  // namespace

void setGsiCredentials(JobAdState& st) {
  setProxy(st);
  if (!st.failed()) setDelegationLifetime(st);
  if (!st.failed()) setScitokens(st);
}

}  // namespace htcondor::submit::detail
