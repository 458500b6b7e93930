// Collector.advertise (protocol doc commands-collector 5.2): one command connection for the
// update (or invalidation) command, the first ad as its payload, each further ad as a raw
// command on the same session, then DC_NOP to say the client is done. The collector answers
// nothing, so success is "every message went out".
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "ops/command_connection.hpp"
#include "ops/task.hpp"

namespace htcondor::ops {

struct CollectorAdvertise {
  std::string address;
  std::int64_t command = 58;     // UPDATE_AD_GENERIC
  std::vector<std::string> ads;  // ClassAd texts (any syntax the reader takes)
  double deadline = 0;
};

Task collectorAdvertise(Io& io, security::SessionCache& sessions, SecurityOptions security, CollectorAdvertise request);

}  // namespace htcondor::ops
