#include "ops/collector_query.hpp"

#include <memory>

#include "cedar/classad_wire.hpp"
#include "cedar/message.hpp"
#include "cedar/packet.hpp"
#include "cedar/shared_port.hpp"
#include "classad/classad.hpp"
#include "classad/parser.hpp"
#include "classad/unparse.hpp"
#include "net/sinful.hpp"

namespace htcondor::ops {

namespace {

// The query ad: what the collector matches ads against, and which attributes it returns.
Result<std::shared_ptr<classad::ClassAd>, Error> queryAd(const CollectorQuery& q) {
  auto requirements = classad::parseExpression(q.constraint);
  if (!requirements) return failure("the constraint does not parse: " + q.constraint);
  auto ad = std::make_shared<classad::ClassAd>();
  ad->insert("MyType", std::make_shared<classad::Literal>(classad::Value::string("Query")));
  ad->insert("TargetType", std::make_shared<classad::Literal>(classad::Value::string(q.targetType)));
  ad->insert("Requirements", requirements);
  if (!q.projection.empty()) {
    std::string names;
    for (const auto& name : q.projection) names += (names.empty() ? "" : " ") + name;
    ad->insert("Projection", std::make_shared<classad::Literal>(classad::Value::string(names)));
  }
  return ad;
}

Result<Bytes, Error> packet(const Bytes& message) {
  auto framed = cedar::PacketEncoder().encode(message);
  if (!framed) return failure(framed.error().message);
  return std::move(*framed);
}

}  // namespace

Task rawCollectorQuery(Io& io, CollectorQuery query) {
  auto address = net::Sinful::parse(query.address);
  if (!address) co_return io.finish("bad collector address: " + address.error());
  auto target = net::chooseConnectAddress(*address);
  if (!target) co_return io.finish(target.error());
  auto ad = queryAd(query);
  if (!ad) co_return io.finish(ad.error());
  if (query.deadline > 0) io.setDeadline(query.deadline);

  const int conn = io.connect(target->host, target->port);
  if (auto up = co_await connected(io, conn); !up) co_return io.finish(up.error());

  if (target->sharedPortId) {
    cedar::SharedPortConnect connect;
    connect.sharedPortId = *target->sharedPortId;
    connect.clientName = "htcondor-wasm";
    auto hello = cedar::encodeSharedPortConnect(connect);
    auto framed = hello ? packet(*hello) : Result<Bytes, Error>(failure(hello.error().message));
    if (!framed) co_return io.finish(framed.error());
    io.send(conn, std::move(*framed));
  }
  cedar::MessageWriter request;
  request.putInt(query.command);
  if (auto put = cedar::putClassAd(request, **ad); !put) co_return io.finish(put.error().message);
  auto body = std::move(request).finish();
  auto framed = body ? packet(*body) : Result<Bytes, Error>(failure(body.error().message));
  if (!framed) co_return io.finish(framed.error());
  io.send(conn, std::move(*framed));

  // The reply is a stream of values, (int 1, ad)* then int 0, which the daemon may put in one
  // message or spread over several: read on across message boundaries.
  Bytes current;
  std::unique_ptr<cedar::MessageReader> reply;
  for (;;) {
    if (!reply || reply->atEnd()) {
      auto message = co_await nextMessage(io, conn);
      if (!message) co_return io.finish(message.error());
      current = std::move(*message);
      reply = std::make_unique<cedar::MessageReader>(current);
    }
    auto more = reply->getInt64();
    if (!more) co_return io.finish(more.error().message);
    if (*more == 0) break;
    auto result = cedar::getClassAd(*reply);
    if (!result) co_return io.finish(result.error().message);
    io.emit(classad::unparse(**result));
  }
  io.finish(std::nullopt);
}

}  // namespace htcondor::ops
