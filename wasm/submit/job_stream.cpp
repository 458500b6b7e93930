#include "submit/job_stream.hpp"

#include "submit/job_ad_builder.hpp"

namespace htcondor::submit {

JobStream::JobStream(ProcIterator procs, SubmitFacts facts, bool procsOnly)
    : procs_(std::move(procs)), facts_(std::move(facts)), procsOnly_(procsOnly) {}

Result<std::shared_ptr<classad::ClassAd>> JobStream::next() {
  if (!procs_.next()) return std::shared_ptr<classad::ClassAd>();
  const ProcPosition& at = procs_.position();
  auto job = makeJobAd(procs_, facts_, static_cast<int>(at.cluster), static_cast<int>(at.proc), exprs_);
  if (!job) return failure(job.error());
  if (!cluster_) {
    cluster_ = clusterAdOf(*job->ad);
    return job->ad;
  }
  return procsOnly_ ? procDelta(*cluster_, *job->ad) : job->ad;
}

Status JobStream::feed(const std::vector<std::pair<std::string, std::string>>& values) { return procs_.feed(values); }

}  // namespace htcondor::submit
