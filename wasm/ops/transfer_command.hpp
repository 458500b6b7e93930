// The opening shared by the schedd's two file-transfer commands (SPOOL_JOB_FILES_WITH_PERMS,
// TRANSFER_DATA_WITH_PERMS): the address checked, the deadline armed, the connection made with
// its handshake. Both requests start with our version banner, which the schedd hands its
// FileTransfer as the peer's version: it turns protocol features on by it (transfer info, go-ahead,
// acks, mkdir), so the banner must name a release that has them all.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "cedar/message.hpp"
#include "ops/ad_request.hpp"
#include "ops/command_connection.hpp"

namespace htcondor::ops {

struct TransferCommand {
  std::unique_ptr<CommandConnection> connection;
  cedar::MessageWriter request;  // the first message, the version banner in it
};

Async<Result<TransferCommand, RequestFailure>> openTransferCommand(Io& io, security::SessionCache& sessions,
                                                                   const SecurityOptions& security, const std::string& address,
                                                                   std::int64_t command, double deadline);

}  // namespace htcondor::ops
