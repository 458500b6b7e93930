// A collector query (protocol doc commands-collector 1-3): the query ad out, (int 1, ad)* then
// int 0 back, over a command connection (negotiated and encrypted, or raw when the client's
// policy says NEVER negotiate).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ops/command_connection.hpp"
#include "ops/task.hpp"

namespace htcondor::ops {

struct CollectorQuery {
  std::string address;                  // the collector's sinful, e.g. <127.0.0.1:9618?sock=collector>
  int64_t command = 5;                  // QUERY_STARTD_ADS, QUERY_SCHEDD_ADS, ...
  std::string targetType = "Machine";   // the ad type queried
  std::string constraint = "true";      // expression text
  std::vector<std::string> projection;  // attribute names; empty: all
  std::string statistics;               // STATISTICS_TO_PUBLISH, e.g. "SCHEDD:2"; empty: none
  std::optional<std::string> locationQuery;  // locate: the daemon's name (switches the collector to its locate path)
  double deadline = 0;                  // host clock time to give up at; 0: none
};

// Emits each ad of the reply as it arrives, as its wire lines ("Name = Expr" per line, old
// syntax: classad::insertLongFormLine reads them); finishes with the daemon's or the network's
// error.
Task collectorQuery(Io& io, security::SessionCache& sessions, SecurityOptions security, CollectorQuery query);

}  // namespace htcondor::ops
