// The credentials an HTCondor client finds on its own (src/condor_io/condor_auth_passwd.cpp,
// findTokens, and store_cred.cpp, read_password_from_filename):
//   IDTOKENS: the directory is SEC_TOKEN_DIRECTORY if set, else ~/.condor/tokens.d, or for root
//   SEC_TOKEN_SYSTEM_DIRECTORY; every file in it that is not a directory and does not match
//   LOCAL_CONFIG_DIR_EXCLUDE_REGEXP (no tokens at all if that is unset or invalid), the file
//   named <SUBSYSTEM>_auto_generated_token first, the rest sorted by path; each file read as a
//   secure file; one token per line, whitespace trimmed, blank and '#' lines skipped. The
//   handshake later picks the first whose issuer and key id the server accepts, so the order
//   here is the order of trial.
//   Pool password: SEC_PASSWORD_FILE read as a secure file, cut at its first NUL byte and
//   unscrambled (HTCondor stores it XORed with DE AD BE EF).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "config/file_access.hpp"

namespace htcondor::config {

struct Credentials {
  std::string tokenDirectory;  // where tokens were looked for ("" if nowhere)
  std::vector<std::string> tokens;
  std::vector<std::string> tokenFiles;  // the files read, in order of trial
  std::optional<std::string> poolPassword;
};

Result<Credentials> discoverCredentials(const Config& config, const FileAccess& files, const ProcessInfo& process);

}  // namespace htcondor::config
