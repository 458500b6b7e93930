#include "ops/transfer_command.hpp"

#include <utility>

#include "core/release.hpp"

namespace htcondor::ops {

Async<Result<TransferCommand, RequestFailure>> openTransferCommand(Io& io, security::SessionCache& sessions,
                                                                   const SecurityOptions& security, const std::string& address,
                                                                   std::int64_t command, double deadline) {
  auto target = CommandRequest::to(address, command);
  if (!target) co_return failure(RequestFailure{target.error(), ErrorKind::Value});
  if (deadline > 0) io.setDeadline(deadline);
  auto connection = co_await startCommand(io, sessions, security, *target);
  if (!connection) co_return failure(RequestFailure{connection.error()});
  auto request = (*connection)->writer();
  request.putString(versionBanner());
  co_return TransferCommand{std::move(*connection), std::move(request)};
}

}  // namespace htcondor::ops
