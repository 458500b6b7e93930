#include "submit/dag_options.hpp"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdlib>

#include "config/config_text.hpp"

namespace htcondor::submit::dag {
namespace {

using config::equalsIgnoreCase;

struct StrOption {
  std::string_view name;
  std::string DagOptions::*member;
};
struct IntOption {
  std::string_view name;
  int DagOptions::*member;
};
struct FlagOption {
  std::string_view name;
  Flag DagOptions::*member;
};
struct ListOption {
  std::string_view name;
  std::vector<std::string> DagOptions::*member;
};

// The names of DagmanShallowOptions and DagmanDeepOptions.
constexpr StrOption kStrOptions[] = {
    {"ScheddDaemonAdFile", &DagOptions::scheddDaemonAdFile},
    {"ScheddAddressFile", &DagOptions::scheddAddressFile},
    {"ConfigFile", &DagOptions::configFile},
    {"SaveFile", &DagOptions::saveFile},
    {"RemoteSchedd", &DagOptions::remoteSchedd},
    {"AppendFile", &DagOptions::appendFile},
    {"PrimaryDagFile", &DagOptions::primaryDagFile},
    {"LibOut", &DagOptions::libOut},
    {"LibErr", &DagOptions::libErr},
    {"DebugLog", &DagOptions::debugLog},
    {"SchedLog", &DagOptions::schedLog},
    {"SubFile", &DagOptions::subFile},
    {"RescueFile", &DagOptions::rescueFile},
    {"LockFile", &DagOptions::lockFile},
    {"CsdVersion", &DagOptions::csdVersion},
    {"DagmanPath", &DagOptions::dagmanPath},
    {"OutfileDir", &DagOptions::outfileDir},
    {"BatchName", &DagOptions::batchName},
    {"Notification", &DagOptions::notification},
    {"BatchId", &DagOptions::batchId},
    {"AcctGroup", &DagOptions::acctGroup},
    {"AcctGroupUser", &DagOptions::acctGroupUser},
};
constexpr IntOption kIntOptions[] = {
    {"MaxIdle", &DagOptions::maxIdle},       {"MaxJobs", &DagOptions::maxJobs},
    {"MaxPre", &DagOptions::maxPre},         {"MaxPost", &DagOptions::maxPost},
    {"MaxHold", &DagOptions::maxHold},       {"DebugLevel", &DagOptions::debugLevel},
    {"Priority", &DagOptions::priority},     {"DoRescueFrom", &DagOptions::doRescueFrom},
    {"AutoRescue", &DagOptions::autoRescue}, {"SubmitMethod", &DagOptions::submitMethod},
};
constexpr FlagOption kFlagOptions[] = {
    {"PostRun", &DagOptions::postRun},
    {"DumpRescueDag", &DagOptions::dumpRescueDag},
    {"RunValgrind", &DagOptions::runValgrind},
    {"DoSubmit", &DagOptions::doSubmit},
    {"DoRecovery", &DagOptions::doRecovery},
    {"CopyToSpool", &DagOptions::copyToSpool},
    {"DryRun", &DagOptions::dryRun},
    {"OnlyDumpDot", &DagOptions::onlyDumpDot},
    {"Force", &DagOptions::force},
    {"ImportEnv", &DagOptions::importEnv},
    {"UseDagDir", &DagOptions::useDagDir},
    {"AllowVersionMismatch", &DagOptions::allowVersionMismatch},
    {"Recurse", &DagOptions::recurse},
    {"UpdateSubmit", &DagOptions::updateSubmit},
    {"SuppressNotification", &DagOptions::suppressNotification},
    {"Verbose", &DagOptions::verbose},
};
constexpr ListOption kListOptions[] = {
    {"AppendLines", &DagOptions::appendLines},
    {"DagFiles", &DagOptions::dagFiles},
    {"AddToEnv", &DagOptions::addToEnv},
    {"GetFromEnv", &DagOptions::getFromEnv},
};

template <class Table>
auto find(const Table& table, std::string_view name) -> decltype(&table[0]) {
  for (const auto& entry : table) {
    if (equalsIgnoreCase(entry.name, name)) return &entry;
  }
  return nullptr;
}

// std::stoi(): strtol() after leading whitespace, at least one digit, the result in int range.
std::optional<int> stoiLike(std::string_view text) {
  std::string s(config::cString(text));
  const char* begin = s.c_str();
  char* end = nullptr;
  errno = 0;
  long value = std::strtol(begin, &end, 10);
  if (end == begin || errno == ERANGE || value < INT_MIN || value > INT_MAX) return std::nullopt;
  return static_cast<int>(value);
}

// str2bool() of dagman_utils.cpp.
std::optional<bool> toBool(std::string_view text) {
  std::string lower = config::lowerCase(text);
  if (lower == "false") return false;
  if (lower == "true") return true;
  auto number = stoiLike(lower);
  if (!number) return std::nullopt;
  return *number > 0;
}

// The bindings' keys, lower case, and the option each sets ("" for none).
struct KeyMapping {
  std::string_view key;
  std::string_view option;
};
constexpr KeyMapping kFromDagKeys[] = {
    {"dagman", "DagmanPath"},
    {"force", "Force"},
    // 23.9.6 spells the option "ScheddDeamonAdFile", which does not exist: the key is ignored.
    {"schedd-daemon-ad-file", "ScheddDeamonAdFile"},
    {"schedd-address-file", "ScheddAddressFile"},
    {"alwaysrunpost", "PostRun"},
    {"maxidle", "MaxIdle"},
    {"maxjobs", "MaxJobs"},
    {"maxpre", "MaxPre"},
    {"maxpost", "MaxPost"},
    {"usedagdir", "UseDagDir"},
    {"debug", "DebugLevel"},
    {"outfile_dir", "OutfileDir"},
    {"config", "ConfigFile"},
    {"batch-name", "BatchName"},
    {"autorescue", "AutoRescue"},
    {"dorescuefrom", "DoRescueFrom"},
    {"load_save", "SaveFile"},
    {"allowversionmismatch", "AllowVersionMismatch"},
    {"do_recurse", "Recurse"},
    {"update_submit", "UpdateSubmit"},
    {"import_env", "ImportEnv"},
    {"include_env", "GetFromEnv"},
    {"insert_env", "AddToEnv"},
    {"dumprescue", "DumpRescueDag"},
    {"valgrind", "RunValgrind"},
    {"priority", "Priority"},
    {"suppress_notification", "SuppressNotification"},
    {"dorecov", "DoRecovery"},
};

DagError error(DagError::Kind kind, std::string message) { return DagError{kind, std::move(message), {}, {}}; }

}  // namespace

std::string_view errorClassName(DagError::Kind kind) {
  switch (kind) {
    case DagError::Kind::IOError: return "HTCondorIOError";
    case DagError::Kind::TypeError: return "HTCondorTypeError";
    case DagError::Kind::InternalError: return "HTCondorInternalError";
    case DagError::Kind::OverflowError: return "OverflowError";
  }
  return "HTCondorInternalError";
}

void DagOptions::addDagFile(const std::string& file) {
  if (primaryDagFile.empty()) primaryDagFile = file;
  dagFiles.push_back(file);
}

DagOptions defaultDagOptions(const DagConfig& config) {
  DagOptions options;
  options.appendFile = config.insertSubFile.value_or("");
  options.copyToSpool = config.copyToSpool;
  options.autoRescue = config.autoRescue ? 1 : 0;
  return options;
}

SetOption setOption(DagOptions& options, std::string_view name, std::string_view value) {
  if (name.empty()) return SetOption::NoKey;
  if (value.empty()) return SetOption::NoValue;
  if (auto* o = find(kStrOptions, name)) {
    options.*(o->member) = std::string(value);
    return SetOption::Success;
  }
  if (auto* o = find(kListOptions, name)) {
    (options.*(o->member)).emplace_back(value);
    return SetOption::Success;
  }
  if (auto* o = find(kFlagOptions, name)) {
    auto b = toBool(value);
    if (!b) return SetOption::InvalidValue;
    options.*(o->member) = *b;
    return SetOption::Success;
  }
  if (auto* o = find(kIntOptions, name)) {
    auto i = stoiLike(value);
    if (!i) return SetOption::InvalidValue;
    options.*(o->member) = *i;
    return SetOption::Success;
  }
  return SetOption::KeyDoesNotExist;
}

std::string_view optionValueType(std::string_view name) {
  if (find(kFlagOptions, name)) return "bool";
  if (find(kIntOptions, name)) return "integer";
  return "string";
}

htcondor::Result<std::monostate, DagError> applyFromDagOptions(DagOptions& options,
                                                               const std::vector<FromDagOption>& entries,
                                                               std::string& stdoutText) {
  options.doRescueFrom = 0;
  options.updateSubmit = false;
  for (const auto& [key, pyValue] : entries) {
    std::string value;
    if (auto* s = std::get_if<std::string>(&pyValue)) {
      value = *s;
    } else if (auto* i = std::get_if<long long>(&pyValue)) {
      // boost::python's extract<int>.
      if (*i > INT_MAX) return failure(error(DagError::Kind::OverflowError, "bad numeric conversion: positive overflow"));
      if (*i < INT_MIN) return failure(error(DagError::Kind::OverflowError, "bad numeric conversion: negative overflow"));
      value = std::to_string(*i);
    } else if (auto* b = std::get_if<bool>(&pyValue)) {
      value = *b ? "true" : "false";
    }  // Any other type leaves the value empty.

    std::string lower = config::lowerCase(key);
    SetOption result = SetOption::KeyDoesNotExist;
    for (const auto& mapping : kFromDagKeys) {
      if (mapping.key != lower) continue;
      if (mapping.option == "AddToEnv") value = std::string(config::trim(value));
      result = setOption(options, mapping.option, value);
      break;
    }
    switch (result) {
      case SetOption::Success: break;
      case SetOption::KeyDoesNotExist:
        stdoutText += "WARNING: DAGMan option '" + key + "' not recognized, skipping\n";
        break;
      case SetOption::InvalidValue:
        // The type is looked up by the dict's key, not the option: "import_env" is a "string".
        return failure(error(DagError::Kind::TypeError, "DAGMan option '" + key + "' needs to be a " +
                                                            std::string(optionValueType(key)) + "."));
      case SetOption::NoKey:
        return failure(error(DagError::Kind::InternalError, "Developer Error: DAGMan option key was empty."));
      case SetOption::NoValue:
        return failure(error(DagError::Kind::InternalError, "empty value provided for DAGMan option " + key));
    }
  }
  return std::monostate{};
}

}  // namespace htcondor::submit::dag
