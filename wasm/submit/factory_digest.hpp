// The submit digest of a late-materialization submit (SubmitHash::make_digest): the description
// as the schedd's job factory reads it to make each proc. Every definition goes in with its
// $(...) references expanded, except those the factory fills in per proc ($(Process),
// $(Step), $(Row), $(Node), $(Item) and the queue variables), other macro functions and
// $(DOLLAR); $(Cluster) is the cluster's id. Executable and initial directory become full paths,
// the factory takes the cluster's Requirements (FACTORY.Requirements) instead of making its
// own, getenv is left out (the cluster ad already holds the environment), and FACTORY.Iwd is the
// submitting directory.
// HTCondor also leaves out commands whose only effect is already in the cluster ad; this digest
// keeps them, which makes the same jobs.
#pragma once

#include <string>
#include <vector>

#include "submit/submit_error.hpp"
#include "submit/submit_macros.hpp"

namespace htcondor::submit {

Result<std::string> factoryDigest(const SubmitMacros& macros, long long cluster, const std::vector<std::string>& vars,
                                  const std::string& cwd);

// The digest's queue statement: "Queue [count ][vars ][from itemsFile]".
std::string factoryQueueLine(long long count, const std::vector<std::string>& vars, const std::string& itemsFile);

}  // namespace htcondor::submit
