// The job-ad builder: a submit description's commands into the job ClassAds condor_submit
// 23.9.6 makes (SubmitHash::make_job_ad and the SetXxx steps it runs). Sans-IO: the description
// comes through SubmitLookup, everything else through SubmitFacts.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "classad/classad.hpp"
#include "submit/expr_cache.hpp"
#include "submit/submit_error.hpp"
#include "submit/submit_facts.hpp"
#include "submit/submit_lookup.hpp"

namespace htcondor::submit {

// One proc's job ad with what condor_submit said while making it.
struct JobAd {
  std::shared_ptr<classad::ClassAd> ad;
  std::vector<std::string> warnings;  // condor_submit's "WARNING: ..." lines, without the prefix
};

// The whole ad of proc `proc` of cluster `cluster` for the values `lookup` returns now (the
// description's proc iteration sets $(Process), $(Item), ... before each call). It holds ClusterId
// and ProcId. Errors carry condor_submit's message (without "ERROR: ").
// `exprs` keeps parsed expressions for the submit's next procs; without it they are parsed anew.
Result<JobAd> makeJobAd(const SubmitLookup& lookup, const SubmitFacts& facts, int cluster, int proc, ExprCache& exprs);
Result<JobAd> makeJobAd(const SubmitLookup& lookup, const SubmitFacts& facts, int cluster, int proc);

// condor_submit -dry-run's split: the cluster ad is proc 0's ad without ProcId and JobStatus;
// each proc then lists ProcId, JobStatus and what differs from the cluster ad.
std::shared_ptr<classad::ClassAd> clusterAdOf(const classad::ClassAd& proc0);
std::shared_ptr<classad::ClassAd> procDelta(const classad::ClassAd& cluster, const classad::ClassAd& proc);

// One attribute as dry-run and printOld() print it: "Name=expr" with old ClassAd syntax.
std::string printOldAttribute(const std::string& name, const classad::ExprTree& expr);

// The Python bindings' Submit.jobs() facts: JobSubmitMethod 2 and no JobSubmitFile.
SubmitFacts pythonJobsFacts(SubmitFacts facts);

// Late materialization: whether the description asks for it (max_materialize / max_idle), in
// which case condor_submit -dry-run prints only the cluster ad.
Result<bool> wantsLateMaterialization(const SubmitLookup& lookup);

}  // namespace htcondor::submit
