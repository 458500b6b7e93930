// Submit.from_dag(): the submit description condor_submit_dag writes for the DAGMan job (the
// .condor.sub file), as HTCondor 23.9.6's Python bindings produce it: setUpOptions(),
// processDagCommands(), ensureOutputFilesExist() and writeSubmitFile() of dagman_utils.cpp.
// Sans I/O: files are read through FileAccess, the process facts come as values, and instead
// of removing, renaming and writing files the result lists what 23.9.6 would do to them.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "config/file_access.hpp"
#include "submit/dag_options.hpp"

namespace htcondor::submit::dag {

// What condor_submit_dag learns from the process and the file system.
struct DagFacts {
  std::string cwd;                          // condor_getcwd(): relative CONFIG paths join it
  std::vector<std::string> environment;     // the process's "NAME=value" entries, for import_env
  std::optional<std::string> dagmanPath;    // which("condor_dagman"); nothing: not on PATH
  std::optional<std::string> valgrindPath;  // which("valgrind"), for the valgrind option
  std::string condorVersion;                // CondorVersion(), passed as -CsdVersion; default: versionBanner()
  DagConfig config;
  config::FileAccess files;                 // readFile: the DAG files and DAGMAN_INSERT_SUB_FILE
  // Whether a file exists (access()/open()); unset: readFile() has a value.
  std::function<bool(const std::string& path)> exists;
};

// Facts with HTCondor's defaults: condorVersion = versionBanner(), the rest empty.
DagFacts defaultDagFacts();

struct FileAction {
  enum class Kind { Remove, Rename };
  Kind kind = Kind::Remove;
  std::string path;
  std::string newPath;  // Rename only
};

struct DagSubmit {
  std::string submitFile;   // <primary DAG>.condor.sub: where condor_submit_dag writes `description`
  std::string description;  // the file's text, ending in "queue\n"
  // The files DAGMan's job writes (lib.out, lib.err, dagman.log, dagman.out, lock file).
  std::vector<std::string> outputFiles;
  // What 23.9.6 does to existing files first, in order: removes the halt file (always) and,
  // with force, the old outputs, and renames rescue DAGs to *.old. Removing a missing file
  // is not an error.
  std::vector<FileAction> actions;
  std::string stdoutText;   // what 23.9.6 prints: "Running rescue DAG N", warnings
  std::string stderrText;   // errors 23.9.6 reports but goes on after (bad DAG commands)
};

// Submit.from_dag(dagFile, options).
DagResult<DagSubmit> fromDag(const std::string& dagFile, const std::vector<FromDagOption>& options,
                             const DagFacts& facts);

// The steps after option parsing, for options already set (condor_submit_dag's own flags):
// `pythonBindings` picks the bindings' wording and leaves out copy_to_spool.
DagResult<DagSubmit> dagSubmitDescription(DagOptions options, const DagFacts& facts, bool pythonBindings,
                                          std::string stdoutText = {});

}  // namespace htcondor::submit::dag
