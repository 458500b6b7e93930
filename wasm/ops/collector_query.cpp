#include "ops/collector_query.hpp"

#include <memory>
#include <optional>

#include "cedar/classad_wire.hpp"
#include "cedar/message.hpp"
#include "classad/classad.hpp"
#include "classad/parser.hpp"

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
  if (!q.statistics.empty())
    ad->insert("STATISTICS_TO_PUBLISH", std::make_shared<classad::Literal>(classad::Value::string(q.statistics)));
  if (q.locationQuery)
    ad->insert("LocationQuery", std::make_shared<classad::Literal>(classad::Value::string(*q.locationQuery)));
  return ad;
}

}  // namespace

Task collectorQuery(Io& io, security::SessionCache& sessions, SecurityOptions security, CollectorQuery query) {
  auto target = CommandRequest::to(query.address, query.command);
  if (!target) co_return io.finish(target.error(), ErrorKind::Value);
  auto ad = queryAd(query);
  if (!ad) co_return io.finish(ad.error(), ErrorKind::Value);
  if (query.deadline > 0) io.setDeadline(query.deadline);

  target->replayable = true;
  auto connection = co_await sendRequest(io, sessions, security, std::move(*target),
                                        [&](CommandConnection& c) { return c.sendAd(**ad); });
  if (!connection) co_return io.finish(connection.error());
  auto& c = **connection;

  // The reply is a stream of values, (int 1, ad)* then int 0, which the daemon may put in one
  // message or spread over several: read on across message boundaries.
  Bytes current;
  std::optional<cedar::MessageReader> reply;
  for (;;) {
    if (!reply || reply->atEnd()) {
      auto message = co_await c.receive();
      if (!message) co_return io.finish(message.error());
      current = std::move(*message);
      reply.emplace(c.reader(current));
    }
    auto more = reply->getInt64();
    if (!more) co_return io.finish(more.error().message);
    if (*more == 0) break;
    // Handed on as received, as bytes (a run of them crosses as one buffer): the API side
    // parses each ad once.
    auto lines = cedar::getClassAdLines(*reply);
    if (!lines) co_return io.finish(lines.error().message);
    io.emitBytes(Bytes(lines->begin(), lines->end()));
  }
  io.finish(std::nullopt);
}

}  // namespace htcondor::ops
