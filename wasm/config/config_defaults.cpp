#include "config/config_defaults.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "config/config_text.hpp"

namespace htcondor::config {

namespace {

// Sorted by name (case-insensitively: all upper case here).
constexpr std::array<std::pair<std::string_view, std::string_view>, 16> kDefaults{{
    {"COLLECTOR_HOST", "$(CONDOR_HOST)"},
    {"ETC", "$(LOCAL_DIR)"},
    {"FILESYSTEM_DOMAIN", "$(FULL_HOSTNAME)"},
    {"LOCAL_CONFIG_DIR", ""},
    {"LOCAL_CONFIG_DIR_EXCLUDE_REGEXP",
     "^((\\..*)|(.*\\.pl)|(.*\\.py)|(.*\\.sh)|(.*~)|(#.*)|(.*\\.rpmsave)|(.*\\.rpmnew)|(.*\\.dpkg-old)|(.*\\.dpkg-dist)|(.*\\.cfsaved))$"},
    {"LOCAL_DIR", "$(TILDE)"},
    {"RELEASE_DIR", "/usr"},
    {"REQUIRE_LOCAL_CONFIG_FILE", "true"},
    // HTCondor's SEC_STD_AUTH_METHOD_NAMES on Linux (param_info.cpp), what clients offer by default.
    {"SEC_DEFAULT_AUTHENTICATION_METHODS", "FS,IDTOKENS,KERBEROS,SCITOKENS,SSL"},
    {"SEC_PASSWORD_DIRECTORY", "$(ETC)/passwords.d"},
    {"SEC_PASSWORD_FILE", "$(SEC_PASSWORD_DIRECTORY)/POOL"},
    {"SEC_TOKEN_DIRECTORY", ""},
    {"SEC_TOKEN_SYSTEM_DIRECTORY", "$(ETC)/tokens.d"},
    {"TRUST_DOMAIN", "$(UID_DOMAIN)"},
    {"UID_DOMAIN", "$(FULL_HOSTNAME)"},
    {"USER_CONFIG_FILE", "user_config"},
}};

}  // namespace

std::optional<std::string_view> defaultValue(std::string_view name) {
  const auto upper = [](std::string_view a, std::string_view b) {
    return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(),
                                        [](char x, char y) { return toLower(x) < toLower(y); });
  };
  auto it = std::lower_bound(kDefaults.begin(), kDefaults.end(), name,
                             [&](const auto& entry, std::string_view n) { return upper(entry.first, n); });
  if (it == kDefaults.end() || !equalsIgnoreCase(it->first, name)) return std::nullopt;
  return it->second;
}

}  // namespace htcondor::config
