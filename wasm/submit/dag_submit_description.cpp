#include "submit/dag_submit_description.hpp"

#include <algorithm>
#include <cstdio>
#include <set>

#include "config/config_lexer.hpp"
#include "config/config_text.hpp"
#include "core/release.hpp"
#include "submit/dag_args_env.hpp"
#include "submit/dag_file_scan.hpp"

namespace htcondor::submit::dag {
namespace {

constexpr std::string_view kDefaultRemoveExpr =
    "(ExitSignal =?= 11 || (ExitCode =!= UNDEFINED && ExitCode >=0 && ExitCode <= 2))";

std::string baseName(std::string_view path) {
  size_t slash = path.find_last_of("/\\");
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

std::string rescueDagName(const std::string& primary, bool multi, int number) {
  char digits[16];
  std::snprintf(digits, sizeof digits, "%.3d", number);
  return primary + (multi ? "_multi" : "") + ".rescue" + digits;
}

DagError ioError(std::string message, std::string out, std::string err) {
  return DagError{DagError::Kind::IOError, std::move(message), std::move(out), std::move(err)};
}

// The directory condor_submit_dag is in while it reads a DAG file with UseDagDir: chdir() to
// the file's directory, then getcwd(). Lexical here: symbolic links are not resolved.
std::string dagDirectory(const std::string& cwd, const std::string& dagFile) {
  std::string dir = config::dirName(dagFile);
  std::string joined = config::isFullPath(dir) ? dir : cwd + "/" + dir;
  std::vector<std::string> parts;
  for (const auto& part : config::splitList(joined, "/")) {
    if (part == ".") continue;
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
      continue;
    }
    parts.push_back(part);
  }
  std::string out;
  for (const auto& part : parts) out += "/" + part;
  return out.empty() ? "/" : out;
}

// Env::Import()'s filter in writeSubmitFile(): nothing with ';', no value with a newline.
bool importFilter(const std::string& name, const std::string& value) {
  if (name.find(';') != std::string::npos || value.find(';') != std::string::npos) return false;
  return value.find('\n') == std::string::npos;
}

}  // namespace

DagFacts defaultDagFacts() {
  DagFacts facts;
  facts.condorVersion = versionBanner();
  return facts;
}

DagResult<DagSubmit> fromDag(const std::string& dagFile, const std::vector<FromDagOption>& options,
                             const DagFacts& facts) {
  if (!facts.files.readFile || !facts.files.readFile(dagFile)) {
    return failure(ioError("Could not read DAG file", {}, {}));
  }
  DagOptions dagOptions = defaultDagOptions(facts.config);
  dagOptions.addDagFile(dagFile);
  std::string out;
  auto applied = applyFromDagOptions(dagOptions, options, out);
  if (!applied) {
    DagError error = applied.error();
    error.stdoutText = out;
    return failure(std::move(error));
  }
  return dagSubmitDescription(std::move(dagOptions), facts, true, std::move(out));
}

DagResult<DagSubmit> dagSubmitDescription(DagOptions options, const DagFacts& facts, bool pythonBindings,
                                          std::string stdoutText) {
  DagSubmit result;
  std::string& out = stdoutText;
  std::string err;
  auto readFile = [&](const std::string& path) -> std::optional<std::string> {
    if (!facts.files.readFile) return std::nullopt;
    return facts.files.readFile(path);
  };
  std::set<std::string> removed;  // files an earlier action took away
  auto exists = [&](const std::string& path) {
    if (removed.contains(path)) return false;
    return facts.exists ? facts.exists(path) : readFile(path).has_value();
  };

  // setUpOptions().
  const std::string primary = options.primaryDagFile;
  options.libOut = primary + ".lib.out";
  options.libErr = primary + ".lib.err";
  options.debugLog = (options.outfileDir.empty() ? primary : options.outfileDir + "/" + baseName(primary)) + ".dagman.out";
  options.schedLog = primary + ".dagman.log";
  options.subFile = primary + ".condor.sub";
  std::string rescueBase = isTrue(options.useDagDir) ? facts.cwd + "/" + baseName(primary) : primary;
  if (options.isMultiDag()) rescueBase += "_multi";
  options.rescueFile = rescueBase + ".rescue";
  options.lockFile = primary + ".lock";
  if (options.dagmanPath.empty()) options.dagmanPath = facts.dagmanPath.value_or("");

  std::vector<std::string> attrLines;
  if (options.dagmanPath.empty()) {
    // The bindings ignore setUpOptions() failing: the DAG files are then never scanned.
    err += "ERROR: can't find condor_dagman in PATH, aborting.\n";
  } else {
    // processDagCommands(): the message is reset by each file opened, as in 23.9.6.
    std::string errMsg;
    bool ok = true;
    std::set<std::string> configFiles;
    auto appendError = [&](const std::string& e) {
      if (!errMsg.empty()) errMsg += "; ";
      errMsg += e;
      ok = false;
    };
    for (const auto& dagFile : options.dagFiles) {
      bool useDagDir = isTrue(options.useDagDir);
      std::string dir = useDagDir ? dagDirectory(facts.cwd, dagFile) : facts.cwd;
      auto text = readFile(dagFile);
      if (!text) {
        errMsg = "MultiLogFiles::FileReader::Open(): safe_fopen_wrapper_follow(" +
                 (useDagDir ? baseName(dagFile) : dagFile) + ") failed with errno 2 (No such file or directory)\n";
        ok = false;
        configFiles.clear();
        break;
      }
      errMsg.clear();
      DagFileCommands found = scanDagFile(*text);
      for (const auto& e : found.errors) appendError(e);
      for (const auto& conf : found.configFiles) {
        configFiles.insert(config::isFullPath(conf) ? conf : dir + "/" + conf);
      }
      attrLines.insert(attrLines.end(), found.attrLines.begin(), found.attrLines.end());
      options.getFromEnv.insert(options.getFromEnv.end(), found.getFromEnv.begin(), found.getFromEnv.end());
      options.addToEnv.insert(options.addToEnv.end(), found.addToEnv.begin(), found.addToEnv.end());
    }
    if (configFiles.size() == 1) {
      const std::string& conf = *configFiles.begin();
      if (options.configFile.empty()) {
        options.configFile = conf;
      } else if (options.configFile != conf) {
        appendError("Conflicting DAGMan config files specified: " + options.configFile + " and " + conf);
      }
    } else if (configFiles.size() > 1) {
      appendError("Multiple (" + std::to_string(configFiles.size()) + ") configuration files provided.");
    }
    if (!ok) err += "ERROR: " + errMsg + "\n";
  }

  // ensureOutputFilesExist().
  const int maxRescue = std::clamp(facts.config.maxRescueNum, 0, 999);
  const bool multi = options.isMultiDag();
  auto lastRescue = [&] {
    int last = 0;
    for (int n = 1; n <= maxRescue; ++n) {
      if (exists(rescueDagName(primary, multi, n))) last = n;
    }
    return last;
  };
  auto outputFilesError = [&] {
    return failure(ioError("Unable to write condor_dagman output files", out, err));
  };
  if (options.doRescueFrom > 0) {
    std::string name = rescueDagName(primary, multi, options.doRescueFrom);
    if (!exists(name)) {
      err += "-dorescuefrom " + std::to_string(options.doRescueFrom) + " specified, but rescue DAG file " + name +
             " does not exist!\n";
      return outputFilesError();
    }
  }
  auto remove = [&](const std::string& path) {
    result.actions.push_back({FileAction::Kind::Remove, path, {}});
    removed.insert(path);
  };
  remove(primary + ".halt");
  if (isTrue(options.force)) {
    remove(options.subFile);
    remove(options.schedLog);
    remove(options.libOut);
    remove(options.libErr);
    // RenameRescueDagsAfter(0): every number up to the last existing one.
    int last = lastRescue();
    for (int n = 1; n <= last; ++n) {
      std::string name = rescueDagName(primary, multi, n);
      std::string old = name + ".old";
      remove(old);
      if (!exists(name)) {
        return failure(DagError{DagError::Kind::InternalError,
                                "Fatal error: unable to rename old rescue file " + name +
                                    ": error 2 (No such file or directory)",
                                out, err});
      }
      result.actions.push_back({FileAction::Kind::Rename, name, old});
      removed.insert(name);
    }
  }
  bool autoRunningRescue = false;
  if (options.autoRescue != 0) {
    if (int n = lastRescue(); n > 0) {
      out += "Running rescue DAG " + std::to_string(n) + "\n";
      autoRunningRescue = true;
    }
  }
  bool hadError = false;
  if (!autoRunningRescue && options.doRescueFrom < 1 && !isTrue(options.updateSubmit) && options.saveFile.empty()) {
    for (const auto* file : {&options.subFile, &options.libOut, &options.libErr, &options.schedLog}) {
      if (exists(*file)) {
        err += "ERROR: \"" + *file + "\" already exists.\n";
        hadError = true;
      }
    }
  }
  if (options.autoRescue == 0 && options.doRescueFrom < 1 && exists(options.rescueFile)) {
    err += "ERROR: \"" + options.rescueFile + "\" already exists.\n";
    err += "\tYou may want to resubmit your DAG using that file, instead of \"" + primary + "\"\n";
    err += "\tLook at the HTCondor manual for details about DAG rescue files.\n";
    err += "\tPlease investigate and either remove \"" + options.rescueFile + "\",\n";
    err += "\tor use it as the input to condor_submit_dag.\n";
    hadError = true;
  }
  if (hadError) {
    err += "\nSome file(s) needed by condor_dagman already exist. Either:\n- Rename them\n";
    if (!pythonBindings) {
      err += "- Use the \"-f\" option to force them to be overwritten\n";
      err += "\tor\n- Use the \"-update_submit\" option to update the submit file and continue.\n";
    } else {
      err += "\tor\n- Set the { \"force\" : True } option to force them to be overwritten.\n";
    }
    return outputFilesError();
  }

  // writeSubmitFile().
  auto submitFileError = [&] { return failure(ioError("Unable to write condor_dagman submit file", out, err)); };
  std::string executable;
  if (isTrue(options.runValgrind)) {
    if (!facts.valgrindPath || facts.valgrindPath->empty()) {
      err += "ERROR: can't find valgrind in PATH, aborting.\n";
      return submitFileError();
    }
    executable = *facts.valgrindPath;
  } else {
    executable = options.dagmanPath;
  }

  std::string getEnv = "CONDOR_CONFIG,_CONDOR_*,PATH,PYTHONPATH,PERL*,PEGASUS_*,TZ,HOME,USER,LANG,LC_ALL";
  const auto& appendGetenv = facts.config.managerJobAppendGetenv;
  if (appendGetenv && config::equalsIgnoreCase(*appendGetenv, "true")) {
    getEnv = "true";
  } else {
    getEnv += ",BEARER_TOKEN,BEARER_TOKEN_FILE,XDG_RUNTIME_DIR";
    for (const auto& vars : options.getFromEnv) {
      if (!vars.empty()) getEnv += "," + vars;
    }
    if (appendGetenv) getEnv += "," + *appendGetenv;
  }

  std::string& text = result.description;
  text += "# Filename: " + options.subFile + "\n";
  text += "# Generated by condor_submit_dag ";
  for (const auto& dagFile : options.dagFiles) text += dagFile + " ";
  text += "\n";
  text += "universe    = scheduler\n";
  text += "executable  = " + executable + "\n";
  text += "getenv      = " + getEnv + "\n";
  text += "output      = " + options.libOut + "\n";
  text += "error       = " + options.libErr + "\n";
  text += "log         = " + options.schedLog + "\n";
  if (!options.batchName.empty()) text += "My.JobBatchName = \"" + options.batchName + "\"\n";
  if (!options.batchId.empty()) text += "My.JobBatchId = \"" + options.batchId + "\"\n";
  text += "remove_kill_sig = SIGUSR1\n";
  text += "My.OtherJobRemoveRequirements = \"DAGManJobId =?= $(cluster)\"\n";
  text += "# Note: default on_exit_remove expression:\n";
  text += "# " + std::string(kDefaultRemoveExpr) + "\n";
  text += "# attempts to ensure that DAGMan is automatically\n";
  text += "# requeued by the schedd if it exits abnormally or\n";
  text += "# is killed (e.g., during a reboot).\n";
  text += "on_exit_remove = " + facts.config.onExitRemove.value_or(std::string(kDefaultRemoveExpr)) + "\n";
  if (!pythonBindings) text += std::string("copy_to_spool = ") + (isTrue(options.copyToSpool) ? "True" : "False") + "\n";

  std::vector<std::string> args;
  auto arg = [&](std::string a) { args.push_back(std::move(a)); };
  if (isTrue(options.runValgrind)) {
    arg("--tool=memcheck");
    arg("--leak-check=yes");
    arg("--show-reachable=yes");
    arg(options.dagmanPath);
  }
  // -p 0: DAGMan without a command socket.
  for (const char* a : {"-p", "0", "-f", "-l", "."}) arg(a);
  if (options.debugLevel != kDebugUnset) {
    arg("-Debug");
    arg(std::to_string(options.debugLevel));
  }
  arg("-Lockfile");
  arg(options.lockFile);
  for (const auto& dagFile : options.dagFiles) {
    arg("-Dag");
    arg(dagFile);
  }
  auto intArg = [&](const char* flag, int value) {
    if (value == 0) return;
    arg(flag);
    arg(std::to_string(value));
  };
  intArg("-MaxIdle", options.maxIdle);
  intArg("-MaxJobs", options.maxJobs);
  intArg("-MaxPre", options.maxPre);
  intArg("-MaxPost", options.maxPost);
  if (options.postRun) arg(*options.postRun ? "-AlwaysRunPost" : "-DontAlwaysRunPost");
  if (isTrue(options.doRecovery)) arg("-DoRecov");
  arg("-CsdVersion");
  arg(facts.condorVersion);
  if (isTrue(options.dumpRescueDag)) arg("-DumpRescue");
  intArg("-Priority", options.priority);
  if (!options.saveFile.empty()) {
    arg("-load_save");
    arg(options.saveFile);
  }
  // addDeepArgs(inWriteSubmit = true).
  if (isTrue(options.verbose)) arg("-verbose");
  if (!options.notification.empty()) {
    arg("-notification");
    arg(isTrue(options.suppressNotification) ? "never" : options.notification);
  }
  if (!options.dagmanPath.empty()) {
    arg("-dagman");
    arg(options.dagmanPath);
  }
  if (isTrue(options.useDagDir)) arg("-UseDagDir");
  if (!options.outfileDir.empty()) {
    arg("-outfile_dir");
    arg(options.outfileDir);
  }
  arg("-AutoRescue");
  arg(std::to_string(options.autoRescue));
  arg("-DoRescueFrom");
  arg(std::to_string(options.doRescueFrom));
  if (isTrue(options.allowVersionMismatch)) arg("-AllowVersionMismatch");
  if (isTrue(options.importEnv)) arg("-import_env");
  for (const auto& vars : options.getFromEnv) {
    arg("-include_env");
    arg(vars);
  }
  for (const auto& kv : options.addToEnv) {
    arg("-insert_env");
    arg(kv);
  }
  if (isTrue(options.recurse)) arg("-do_recurse");
  if (isTrue(options.suppressNotification)) {
    arg("-suppress_notification");
  } else if (options.suppressNotification) {
    arg("-dont_suppress_notification");
  }
  if (options.submitMethod >= 0) {
    arg("-SubmitMethod");
    arg(std::to_string(options.submitMethod));
  }
  if (isTrue(options.force)) arg("-force");
  if (isTrue(options.updateSubmit)) arg("-update_submit");
  text += "arguments = " + argsV1WackedOrV2Quoted(args) + "\n";

  Environment env;
  if (isTrue(options.importEnv)) env.import(facts.environment, importFilter);
  for (const auto& kv : options.addToEnv) {
    std::string message;
    env.mergeV1RawOrV2Quoted(kv, message);
    // Only a message counts as failure, as in 23.9.6.
    if (!message.empty()) {
      err += "Error: Failed to add " + kv + " to DAGMan manager jobs environment because " + message + "\n";
      return submitFileError();
    }
  }
  env.set("_CONDOR_DAGMAN_LOG", options.debugLog);
  env.set("_CONDOR_MAX_DAGMAN_LOG", "0");
  if (!options.scheddDaemonAdFile.empty()) env.set("_CONDOR_SCHEDD_DAEMON_AD_FILE", options.scheddDaemonAdFile);
  if (!options.scheddAddressFile.empty()) env.set("_CONDOR_SCHEDD_ADDRESS_FILE", options.scheddAddressFile);
  if (!options.configFile.empty()) {
    if (!exists(options.configFile)) {
      err += "ERROR: unable to read config file " + options.configFile + " (error 2, No such file or directory)\n";
      return submitFileError();
    }
    env.set("_CONDOR_DAGMAN_CONFIG_FILE", options.configFile);
  }
  text += "environment = " + env.v2Quoted() + "\n";
  if (!options.notification.empty()) text += "notification = " + options.notification + "\n";

  if (!options.appendFile.empty()) {
    auto append = readFile(options.appendFile);
    if (!append) {
      err += "ERROR: unable to read submit append file (" + options.appendFile + ")\n";
      return submitFileError();
    }
    config::ConfigLexer lexer(*append);
    while (auto line = lexer.next(config::CommentRules::New)) text += std::string(config::cString(line->text)) + "\n";
  }
  for (const auto& line : attrLines) text += "My." + line + "\n";
  for (const auto& line : options.appendLines) text += line + "\n";
  text += "queue\n";

  result.submitFile = options.subFile;
  result.outputFiles = {options.libOut, options.libErr, options.schedLog, options.debugLog, options.lockFile};
  result.stdoutText = std::move(out);
  result.stderrText = std::move(err);
  return result;
}

}  // namespace htcondor::submit::dag
