// The driver: init_base_ad's fixed attributes, then make_job_ad's steps in its order; and the
// dry-run's split of procs into a cluster ad and per-proc deltas.
#include "submit/job_ad_builder.hpp"

#include "classad/same_as.hpp"
#include "classad/tree_build.hpp"
#include "classad/unparse.hpp"
#include "submit/job_ad_state.hpp"

namespace htcondor::submit {

using namespace detail;

namespace {

void initBaseAd(JobAdState& st) {
  st.assignString("MyType", "Job");
  st.assignString("TargetType", "Machine");
  st.assignInt("QDate", st.facts.qdate);
  if (st.facts.submitMethod) st.assignInt("JobSubmitMethod", *st.facts.submitMethod);
  if (st.facts.setLocalOwner && !st.facts.user.empty()) st.assignString("Owner", st.facts.user);
  else st.assignExpr("Owner", "undefined");
  for (std::string_view a : {"RemoteWallClockTime", "RemoteUserCpu", "RemoteSysCpu", "CumulativeRemoteUserCpu", "CumulativeRemoteSysCpu"}) st.assignReal(a, 0.0);
  for (std::string_view a : {"ExitStatus", "NumCkpts", "NumJobStarts", "NumJobCompletions", "NumRestarts", "NumSystemHolds", "CommittedTime", "CommittedSlotTime",
                        "CumulativeSlotTime", "TotalSuspensions", "LastSuspensionTime", "CumulativeSuspensionTime", "CommittedSuspensionTime"})
    st.assignInt(a, 0);
  st.assignBool("ExitBySignal", false);
  st.assignString("CondorVersion", st.facts.condorVersion);
  st.assignString("CondorPlatform", st.facts.condorPlatform);
}

}  // namespace

Result<JobAd> makeJobAd(const SubmitLookup& lookup, const SubmitFacts& facts, int cluster, int proc, ExprCache& exprs) {
  auto ad = std::make_shared<classad::ClassAd>();
  JobAdState st(lookup, facts, *ad, exprs);
  st.cluster = cluster;
  st.proc = proc;
  initBaseAd(st);
  using Step = void (*)(JobAdState&);
  static const Step steps[] = {
      setUniverse, setIwd, setExecutable, setArguments, setGridParams, setJavaVmArgs, setParallelParams, setEnvironment, setJobStatus,
      setStdFiles, setGsiCredentials, setNotification, setRank, setPeriodicExpressions, setLeaveInQueue, setJobRetries, setKillSig, setContainerSpecial,
      setRequestResources, setConcurrencyLimits, setAccountingGroup, setSimpleJobExprs, setJobDeferral, setImageSize, setTransferFiles,
      setAutoAttributes, reportCommonMistakes, setForcedAttributes, setResourceRequirements, setRequirements,
  };
  for (Step step : steps) {
    step(st);
    if (st.failed()) return submitError(*st.error);
  }
  st.assignInt("ClusterId", cluster);
  return JobAd{ad, std::move(st.warnings)};
}

Result<JobAd> makeJobAd(const SubmitLookup& lookup, const SubmitFacts& facts, int cluster, int proc) {
  ExprCache once;
  return makeJobAd(lookup, facts, cluster, proc, once);
}

std::shared_ptr<classad::ClassAd> clusterAdOf(const classad::ClassAd& proc0) {
  auto out = std::make_shared<classad::ClassAd>();
  for (const auto& [name, expr] : proc0.attributes())
    // Copies: inserting sets an expression's scope, and proc 0's ad keeps its own.
    if (name != "ProcId" && name != "JobStatus") out->insert(name, classad::deepCopy(*expr));
  return out;
}

std::shared_ptr<classad::ClassAd> procDelta(const classad::ClassAd& cluster, const classad::ClassAd& proc) {
  auto out = std::make_shared<classad::ClassAd>();
  // Both ads keep their attributes in the same order: one walk over the two, no lookups.
  const auto& base = cluster.attributes();
  const classad::AttrOrder before;
  auto at = base.begin();
  for (const auto& [name, expr] : proc.attributes()) {
    while (at != base.end() && before(at->first, name)) ++at;
    // Structural equality, as HTCondor's DeltaClassAd compares with the parent ad.
    bool same = at != base.end() && !before(name, at->first) && classad::sameAs(*at->second, *expr);
    if (name == "ProcId" || name == "JobStatus" || !same) out->insert(name, expr);
  }
  return out;
}

std::string printOldAttribute(const std::string& name, const classad::ExprTree& expr) { return name + "=" + classad::unparse(expr, classad::Style::Old); }

SubmitFacts pythonJobsFacts(SubmitFacts facts) {
  facts.submitMethod = 2;
  facts.submitFile.reset();
  return facts;
}

Result<bool> wantsLateMaterialization(const SubmitLookup& lookup) {
  for (const char* key : {"max_materialize", "materialize_max", "max_idle", "materialize_max_idle"}) {
    auto v = lookup.param(key);
    if (!v) return failure(v.error());
    if (v->has_value()) return true;
  }
  return false;
}

}  // namespace htcondor::submit
