// A conversation with a schedd's job queue (protocol doc commands-schedd-qmgmt): one
// QMGMT_WRITE_CMD (or QMGMT_READ_CMD) connection on which the caller's batches of calls
// (protocol/qmgmt_calls.hpp) run in order. The schedd begins a transaction when the connection
// is accepted and aborts whatever is not committed when it ends, so a conversation that fails
// or is cancelled leaves nothing behind.
//
// After connecting it emits "ready" and asks for input. Each input is a batch; every call that
// the schedd answers emits one result, "<what> <value>":
//   cluster <id> | proc <id> | matched <count> | items <rows> <spooled file name>
//   capabilities <ad> | commit <ad> | ok
// then it asks for the next batch. An empty batch ends it (CloseSocket). A call the schedd
// refuses ends it with the schedd's reason. NewProc calls go out without waiting for their
// answers (the schedd answers in order), which are read before the next call that reads.
#pragma once

#include <string>

#include "ops/command_connection.hpp"
#include "ops/task.hpp"

namespace htcondor::ops {

struct QmgmtOpen {
  std::string address;  // the schedd's sinful
  bool write = true;    // QMGMT_WRITE_CMD; false: QMGMT_READ_CMD
  double deadline = 0;
};

Task qmgmt(Io& io, security::SessionCache& sessions, SecurityOptions security, QmgmtOpen request);

}  // namespace htcondor::ops
