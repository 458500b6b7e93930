// A collector query sent as a raw command (no DC_AUTHENTICATE): what HTCondor accepts for READ
// commands where the pool does not require security for them. The first complete flow over the
// operation contract; the negotiated, encrypted form builds on it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "ops/task.hpp"

namespace htcondor::ops {

struct CollectorQuery {
  std::string address;                  // the collector's sinful, e.g. <127.0.0.1:9618?sock=collector>
  int64_t command = 5;                  // QUERY_STARTD_ADS, QUERY_SCHEDD_ADS, ...
  std::string targetType = "Machine";   // the ad type queried
  std::string constraint = "true";      // expression text
  std::vector<std::string> projection;  // attribute names; empty: all
  double deadline = 0;                  // host clock time to give up at; 0: none
};

// Connects (through the shared port when the address names one), sends the query and emits
// each ad of the reply as new-syntax text; finishes with the daemon's or the network's error.
Task rawCollectorQuery(Io& io, CollectorQuery query);

}  // namespace htcondor::ops
