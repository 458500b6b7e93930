// Reads the configuration the way an HTCondor tool does at start-up (real_config in
// src/condor_utils/condor_config.cpp), through the host's FileAccess:
//   1. detected values: TILDE (~condor), SUBSYSTEM, LOCALNAME, CondorIsAdmin;
//   2. the root file: $CONDOR_CONFIG ("ONLY_ENV": none), else the first readable of
//      /etc/condor/condor_config, /usr/local/etc/condor_config, ~condor/condor_config;
//      CONFIG_ROOT is its directory;
//   3. HOSTNAME and FULL_HOSTNAME (NETWORK_HOSTNAME, NO_DNS, DEFAULT_DOMAIN_NAME apply);
//   4. the files of LOCAL_CONFIG_DIR (each directory in order, its files sorted, those matching
//      LOCAL_CONFIG_DIR_EXCLUDE_REGEXP skipped), then LOCAL_CONFIG_FILE (a list, re-read when a
//      file changes it), then LOCAL_CONFIG_DIR again if the local files changed it;
//      REQUIRE_LOCAL_CONFIG_FILE decides whether a missing one is an error;
//   5. the user's file USER_CONFIG_FILE (relative: ~/.condor/<name>), not for root;
//   6. _CONDOR_<NAME>=value environment overrides, in environment order;
//   7. detected values again (USERNAME, REAL_UID, REAL_GID, PID, PPID too), and UID_DOMAIN /
//      FILESYSTEM_DOMAIN from FULL_HOSTNAME when still undefined.
// As HTCondor's Python bindings (CONFIG_OPT_NO_EXIT), finding no root file is not an error:
// the configuration then holds the detected values only, and a warning says why. An unreadable
// $CONDOR_CONFIG or a malformed file is an error. Commands ("|") are never run.
#pragma once

#include "config/config.hpp"
#include "config/config_error.hpp"
#include "config/file_access.hpp"

namespace htcondor::config {

struct LoadOptions {
  FileAccess files;
  Environment environment;
  ProcessInfo process;
  Context context;
};

Result<Config> loadConfig(const LoadOptions& options);

}  // namespace htcondor::config
