#include "submit/dry_run.hpp"

#include "submit/job_ad_builder.hpp"

namespace htcondor::submit {

namespace {

// The ad's attributes but `first`, which the block starts with.
void printAd(std::string& out, const classad::ClassAd& ad, std::string_view first) {
  for (const auto& [name, expr] : ad.attributes()) {
    if (name == first) continue;
    out += printOldAttribute(name, *expr);
    out += '\n';
  }
}

void keepWarnings(std::vector<std::string>& into, std::vector<std::string>& from) {
  for (auto& w : from) into.push_back(std::move(w));
}

}  // namespace

Result<DryRun> dryRun(const SubmitFile& file, const SubmitFacts& facts) {
  DryRun run;
  run.output = "\n";
  ProcIterator procs = file.procs();
  std::shared_ptr<classad::ClassAd> cluster;
  bool materialized = false;  // late materialization: the cluster ad only
  ExprCache exprs;
  while (procs.next()) {
    const ProcPosition& at = procs.position();
    // A factory's procs are made by the schedd: counted, not printed.
    if (materialized && !at.firstInCluster) {
      ++run.jobs;
      continue;
    }
    auto job = makeJobAd(procs, facts, static_cast<int>(at.cluster), static_cast<int>(at.proc), exprs);
    if (!job) return failure(SubmitError{job.error().message, at.queueLine});
    keepWarnings(run.warnings, job->warnings);
    ++run.jobs;
    if (at.firstInCluster || !cluster) {
      auto late = wantsLateMaterialization(procs);
      if (!late) return failure(late.error());
      materialized = *late;
      cluster = clusterAdOf(*job->ad);
      if (run.jobs > 1) run.output += '\n';
      run.output += "ClusterId=" + std::to_string(at.cluster) + "\n";
      printAd(run.output, *cluster, "ClusterId");
      if (materialized) continue;
    } else {
      run.output += '\n';
    }
    auto delta = procDelta(*cluster, *job->ad);
    // ProcId first, as condor_submit starts each proc's block with it.
    run.output += "ProcId=" + std::to_string(at.proc) + "\n";
    printAd(run.output, *delta, "ProcId");
  }
  return run;
}

}  // namespace htcondor::submit
