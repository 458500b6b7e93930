// A late-materialization submit (protocol doc commands-schedd-qmgmt 3.4): instead of every proc,
// the schedd gets the cluster ad, the item rows and the submit digest, and its job factory makes
// the procs itself, at most `maxMaterialize` at a time.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "classad/classad.hpp"
#include "submit/proc_iterator.hpp"
#include "submit/submit_description.hpp"
#include "submit/submit_facts.hpp"

namespace htcondor::submit {

struct FactorySubmit {
  std::shared_ptr<classad::ClassAd> clusterAd;  // proc 0's ad without ProcId and JobStatus
  std::string rows;                              // the items, one per line; empty: no items
  std::vector<std::string> vars;
  long long count = 1;                           // procs per item
  long long jobs = 0;
  long long maxMaterialize = 1;
  std::string digest;                            // without its queue statement
};

// Whether the description asks for late materialization (max_materialize or max_idle).
Result<bool> wantsFactory(const SubmitDescription& description);

// The factory submit of `description` for cluster `cluster`. `external`: the caller's item rows
// (fields separated by \x1F) and their variables, instead of the queue statement's items.
struct ExternalItems {
  std::vector<std::string> rows;
  std::vector<std::string> vars;
};
Result<FactorySubmit> makeFactorySubmit(const SubmitDescription& description, SubmitFacts facts, long long cluster, int count,
                                        const ExternalItems* external, bool spool);

}  // namespace htcondor::submit
