// condor_submit -dry-run: a whole submit file to the text of its dry-run file, as 23.9.6 writes
// it (submit.cpp with the SimScheddQ): a blank line, then for each cluster "ClusterId=N" and the
// cluster ad, then for each proc "ProcId=N" and what the proc adds, blocks separated by blank
// lines. With late materialization only the cluster ad is written, though the jobs are counted.
#pragma once

#include <string>
#include <vector>

#include "submit/submit_description.hpp"
#include "submit/submit_facts.hpp"

namespace htcondor::submit {

struct DryRun {
  std::string output;
  long long jobs = 0;
  std::vector<std::string> warnings;  // without "WARNING: "
};

Result<DryRun> dryRun(const SubmitFile& file, const SubmitFacts& facts);

}  // namespace htcondor::submit
