// A submission as the queue calls that create its jobs (protocol doc commands-schedd-qmgmt 3.2),
// the way the real tools send them: the cluster ad's attributes first (ClusterId leading), then
// per proc NewProc, ProcId, JobStatus and what differs from the cluster ad. The cluster itself
// was created beforehand (NewCluster), so the ads are made with its id.
#pragma once

#include <memory>
#include <vector>

#include "classad/classad.hpp"
#include "protocol/qmgmt_calls.hpp"
#include "submit/job_stream.hpp"

namespace htcondor::submit {

class SubmitCalls {
 public:
  // `jobs` must make whole ads (not procs-only); `spool` holds each job for spooling.
  SubmitCalls(JobStream jobs, bool spool) : jobs_(std::move(jobs)), spool_(spool) {}

  // Appends the calls of up to `maxProcs` more procs; how many it wrote (0: no more now — the
  // queue statement is done, or the item fed last is).
  Result<int> write(protocol::QmgmtCallWriter& out, int maxProcs);

  // The cluster ad as sent (null until the first proc).
  const std::shared_ptr<classad::ClassAd>& clusterAd() const { return cluster_; }
  JobStream& jobs() { return jobs_; }

 private:
  JobStream jobs_;
  bool spool_;
  std::shared_ptr<classad::ClassAd> cluster_;
};

// The cluster ad's attributes as SetAttribute calls on the cluster (proc -1), ClusterId first.
void writeClusterAd(protocol::QmgmtCallWriter& out, const classad::ClassAd& cluster);

// Schedd.submitMany: ads the caller made, for cluster `clusterId` (NewCluster's): the cluster ad,
// then `count` procs of each proc ad (NewProc; ProcId, JobStatus, then the ad's attributes);
// `spool` holds them for spooling. The caller's ads are not changed.
struct ProcAds {
  const classad::ClassAd* ad;
  int count;
};
void writeRawSubmit(protocol::QmgmtCallWriter& out, int64_t clusterId, const classad::ClassAd& cluster, const std::vector<ProcAds>& procs,
                    bool spool);

}  // namespace htcondor::submit
