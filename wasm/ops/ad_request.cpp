#include "ops/ad_request.hpp"

#include "classad/parser.hpp"

namespace htcondor::ops {

Async<Result<std::unique_ptr<CommandConnection>, RequestFailure>> sendRequestAd(Io& io, security::SessionCache& sessions,
                                                                                const SecurityOptions& security,
                                                                                const std::string& address, std::int64_t command,
                                                                                const std::string& requestAd, double deadline,
                                                                                bool replayable) {
  auto target = CommandRequest::to(address, command);
  if (!target) co_return failure(RequestFailure{target.error(), ErrorKind::Value});
  target->replayable = replayable;
  classad::Parser parser(requestAd);
  auto ad = parser.parseClassAd(true);
  if (!ad) co_return failure(RequestFailure{"the request ad does not parse: " + requestAd, ErrorKind::Value});
  if (deadline > 0) io.setDeadline(deadline);

  auto connection = co_await sendRequest(io, sessions, security, std::move(*target),
                                        [&](CommandConnection& c) { return c.sendAd(*ad); });
  if (!connection) co_return failure(RequestFailure{connection.error()});
  co_return std::move(*connection);
}

}  // namespace htcondor::ops
