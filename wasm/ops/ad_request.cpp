#include "ops/ad_request.hpp"

#include "classad/parser.hpp"

namespace htcondor::ops {

Async<Result<std::unique_ptr<CommandConnection>, RequestFailure>> sendRequestAd(Io& io, security::SessionCache& sessions,
                                                                                const SecurityOptions& security,
                                                                                const std::string& address, std::int64_t command,
                                                                                const std::string& requestAd, double deadline) {
  auto target = CommandRequest::to(address, command);
  if (!target) co_return failure(RequestFailure{target.error(), ErrorKind::Value});
  classad::Parser parser(requestAd);
  auto ad = parser.parseClassAd(true);
  if (!ad) co_return failure(RequestFailure{"the request ad does not parse: " + requestAd, ErrorKind::Value});
  if (deadline > 0) io.setDeadline(deadline);

  auto connection = co_await startCommand(io, sessions, security, *target);
  if (!connection) co_return failure(RequestFailure{connection.error()});
  if (auto sent = (*connection)->sendAd(*ad); !sent) co_return failure(RequestFailure{sent.error()});
  co_return std::move(*connection);
}

}  // namespace htcondor::ops
