// The options of condor_submit_dag (HTCondor's DagmanOptions: "shallow" ones for this DAG
// only, "deep" ones passed down to sub-DAGs), their names, types and defaults, and how the
// Python bindings' Submit.from_dag() sets them from its options dict (SetDagOptions()), with
// the bindings' exceptions as values.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/result.hpp"

namespace htcondor::submit::dag {

// What from_dag() raises, by Python exception class, and what 23.9.6 printed before raising.
struct DagError {
  enum class Kind { IOError, TypeError, InternalError, OverflowError };
  Kind kind = Kind::IOError;
  std::string message;
  std::string stdoutText;
  std::string stderrText;
};
// "HTCondorIOError", "HTCondorTypeError", "HTCondorInternalError", "OverflowError".
std::string_view errorClassName(DagError::Kind kind);

template <class T>
using DagResult = htcondor::Result<T, DagError>;

// The configuration knobs condor_submit_dag reads, with param()'s defaults. The host fills
// them from its configuration: an undefined or empty knob is nothing.
struct DagConfig {
  std::optional<std::string> insertSubFile;           // DAGMAN_INSERT_SUB_FILE
  bool copyToSpool = false;                           // DAGMAN_COPY_TO_SPOOL
  bool autoRescue = true;                             // DAGMAN_AUTO_RESCUE
  std::optional<std::string> managerJobAppendGetenv;  // DAGMAN_MANAGER_JOB_APPEND_GETENV
  std::optional<std::string> onExitRemove;            // DAGMAN_ON_EXIT_REMOVE
  int maxRescueNum = 100;                             // DAGMAN_MAX_RESCUE_NUM, clamped to 0..999
};

inline constexpr int kDebugUnset = -1;

// HTCondor's CLI_BOOL_FLAG: unset, false or true; unset counts as false.
using Flag = std::optional<bool>;
inline bool isTrue(const Flag& flag) { return flag.value_or(false); }

struct DagOptions {
  // Shallow strings.
  std::string scheddDaemonAdFile, scheddAddressFile, configFile, saveFile, remoteSchedd, appendFile,
      primaryDagFile, libOut, libErr, debugLog, schedLog, subFile, rescueFile, lockFile, csdVersion;
  // Shallow integers.
  int maxIdle = 1000, maxJobs = 0, maxPre = 0, maxPost = 0, maxHold = 0, debugLevel = kDebugUnset, priority = 0;
  // Shallow flags.
  Flag postRun, dumpRescueDag, runValgrind, doSubmit = true, doRecovery, copyToSpool, dryRun, onlyDumpDot;
  // Shallow lists.
  std::vector<std::string> appendLines, dagFiles;
  // Deep strings.
  std::string dagmanPath, outfileDir, batchName, notification, batchId, acctGroup, acctGroupUser;
  // Deep integers.
  int doRescueFrom = 0, autoRescue = 1, submitMethod = -1;
  // Deep flags.
  Flag force, importEnv, useDagDir, allowVersionMismatch, recurse, updateSubmit, suppressNotification, verbose;
  // Deep lists.
  std::vector<std::string> addToEnv, getFromEnv;

  bool isMultiDag() const { return dagFiles.size() > 1; }
  // addDAGFile(): the first one is the primary DAG.
  void addDagFile(const std::string& file);
};

// DagmanOptions' constructor: the defaults above with the configuration's say.
DagOptions defaultDagOptions(const DagConfig& config);

enum class SetOption { Success, NoKey, NoValue, InvalidValue, KeyDoesNotExist };
// DagmanOptions::set(name, string): `name` is an option name in any case ("MaxIdle"); lists
// are appended to; integers read as std::stoi() does, flags as "true"/"false" (any case) or
// an integer > 0.
SetOption setOption(DagOptions& options, std::string_view name, std::string_view value);
// OptValueType(): "bool", "integer", or "string" (also for names that are no option).
std::string_view optionValueType(std::string_view name);

// A from_dag() options dict value by Python type: str, int, bool, or anything else.
struct OtherPythonType {};
using PythonValue = std::variant<std::string, long long, bool, OtherPythonType>;
struct FromDagOption {
  std::string key;
  PythonValue value;
};

// SetDagOptions(): sets DoRescueFrom = 0 and UpdateSubmit = false, then each entry in order,
// the bindings' key ("maxidle", "batch-name", ... any case) mapped to its option. Unknown keys
// (also "schedd-daemon-ad-file", which 23.9.6 maps to a misspelt option) print a warning,
// appended to `stdoutText`. The first bad value is an error.
htcondor::Result<std::monostate, DagError> applyFromDagOptions(DagOptions& options,
                                                               const std::vector<FromDagOption>& entries,
                                                               std::string& stdoutText);

}  // namespace htcondor::submit::dag
