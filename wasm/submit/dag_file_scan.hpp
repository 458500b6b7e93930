// What condor_submit_dag reads from a DAG file before submitting DAGMan
// (DagmanUtils::processDagCommands()): the commands that shape the .condor.sub file. CONFIG
// names DAGMan's configuration file, SET_JOB_ATTR adds an attribute to the DAGMan job, ENV GET
// and ENV SET add to its getenv filter and environment. Everything else is DAGMan's business.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace htcondor::submit::dag {

struct DagFileCommands {
  std::vector<std::string> configFiles;   // CONFIG values, as written, in order
  std::vector<std::string> attrLines;     // SET_JOB_ATTR values ("Foo = 1"), written as My.<line>
  std::vector<std::string> getFromEnv;    // ENV GET: the names, comma separated, one entry per line
  std::vector<std::string> addToEnv;      // ENV SET: the trimmed value, one entry per line
  std::vector<std::string> errors;        // "Improperly-formatted file: ..." in order
};

// Scans one DAG file's text: logical lines as getline_trim() reads them (trimmed, '\'
// continuations), the command word matched in any case.
DagFileCommands scanDagFile(std::string_view text);

}  // namespace htcondor::submit::dag
