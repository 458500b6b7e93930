// A query whose answer is a run of ads closed by an end ad (protocol doc commands-schedd-query):
// the schedd's job query (QUERY_JOB_ADS, one ad per message) and its history (one message
// holding every record, or one per record when streamed). The end ad is the first whose Owner
// is the integer 0; it carries the summary or the error (ErrorCode, ErrorString).
#pragma once

#include <cstdint>
#include <string>

#include "ops/command_connection.hpp"
#include "ops/task.hpp"

namespace htcondor::ops {

struct AdStreamRequest {
  std::string address;
  std::int64_t command = 0;
  std::string requestAd;  // ClassAd text
  double deadline = 0;
};

// Emits every ad as its wire lines ("Name = Expr", old syntax; UTF-8 bytes), the end ad last. A stream that
// ends without its end ad fails.
Task adStream(Io& io, security::SessionCache& sessions, SecurityOptions security, AdStreamRequest request);

// Whether wire lines are the end ad's: an attribute Owner (any case) whose value is 0.
bool isEndAd(std::string_view lines);

}  // namespace htcondor::ops
