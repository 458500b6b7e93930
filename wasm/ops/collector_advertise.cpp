#include "ops/collector_advertise.hpp"

#include <memory>
#include <utility>

#include "cedar/classad_wire.hpp"
#include "classad/parser.hpp"

namespace htcondor::ops {

namespace {

inline constexpr std::int64_t kDcNop = 60011;

}  // namespace

Task collectorAdvertise(Io& io, security::SessionCache& sessions, SecurityOptions security, CollectorAdvertise request) {
  auto target = CommandRequest::to(request.address, request.command);
  if (!target) co_return io.finish(target.error(), ErrorKind::Value);
  std::vector<std::shared_ptr<classad::ClassAd>> ads;
  for (const auto& text : request.ads) {
    classad::Parser parser(text);
    auto ad = parser.parseClassAd(true);
    if (!ad) co_return io.finish("an ad to advertise does not parse: " + text, ErrorKind::Value);
    ads.push_back(std::move(ad));
  }
  // Nothing to send: no connection at all, as HTCondor does.
  if (ads.empty()) co_return io.finish(std::nullopt);
  if (request.deadline > 0) io.setDeadline(request.deadline);

  auto connection = co_await startCommand(io, sessions, security, *target);
  if (!connection) co_return io.finish(connection.error());
  auto& c = **connection;
  for (std::size_t i = 0; i < ads.size(); ++i) {
    auto message = c.writer();
    if (i > 0) message.putInt(request.command);
    if (auto put = cedar::putClassAd(message, *ads[i]); !put) co_return io.finish(put.error().message);
    if (auto sent = c.send(std::move(message)); !sent) co_return io.finish(sent.error());
  }
  auto done = c.writer();
  done.putInt(kDcNop);
  if (auto sent = c.send(std::move(done)); !sent) co_return io.finish(sent.error());
  io.finish(std::nullopt);
}

}  // namespace htcondor::ops
