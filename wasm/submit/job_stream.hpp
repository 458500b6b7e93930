// The Python bindings' Submit.jobs() and Submit.procs() (SubmitJobsIterator): the job ads of a
// description one at a time. jobs() gives each proc's whole ad; procs() the cluster ad with
// ProcId first, then only what each further proc adds. Item data may come from the caller
// instead of the queue statement (jobs(itemdata=...)): then each fed item makes `count` procs.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "classad/classad.hpp"
#include "submit/expr_cache.hpp"
#include "submit/proc_iterator.hpp"
#include "submit/submit_facts.hpp"

namespace htcondor::submit {

class JobStream {
 public:
  JobStream(ProcIterator procs, SubmitFacts facts, bool procsOnly);

  // The next ad; nullptr when the procs (or the fed item's procs) are done.
  Result<std::shared_ptr<classad::ClassAd>> next();
  // The cluster ad, once the first ad is made.
  const std::shared_ptr<classad::ClassAd>& clusterAd() const { return cluster_; }

  // Caller's item data: the item's values by variable (a plain string item has the one variable
  // "Item"); the first item names the variables.
  Status feed(const std::vector<std::pair<std::string, std::string>>& values);

 private:
  ProcIterator procs_;
  SubmitFacts facts_;
  bool procsOnly_;
  ExprCache exprs_;
  std::shared_ptr<classad::ClassAd> cluster_;
};

}  // namespace htcondor::submit
