// ACT_ON_JOBS (protocol doc commands-schedd-other 1): the request ad out, the result ad back;
// when the schedd acted on anything it waits for our "still here" (int 1) before it commits,
// and confirms the commit with int 1. Asked for a result per job (ActionResultType = 1, for
// jobs named by id), the action is all or nothing: if the schedd denied permission for any
// job, we answer 0 and it aborts; the totals are then summed here, so the result ad always
// has result_total_0 .. _5.
#pragma once

#include <string>

#include "ops/command_connection.hpp"
#include "ops/task.hpp"

namespace htcondor::ops {

struct ScheddAct {
  std::string address;
  std::string requestAd;  // ClassAd text: JobAction, ActionIds or ActionConstraint, reasons
  double deadline = 0;
};

// Emits the result ad (ClassAd text).
Task scheddAct(Io& io, security::SessionCache& sessions, SecurityOptions security, ScheddAct request);

// A command that carries nothing and is not answered (RESCHEDULE): an empty message, then close.
struct PlainCommand {
  std::string address;
  std::int64_t command = 0;
  double deadline = 0;
};

Task plainCommand(Io& io, security::SessionCache& sessions, SecurityOptions security, PlainCommand request);

}  // namespace htcondor::ops
