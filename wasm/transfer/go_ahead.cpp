#include "transfer/go_ahead.hpp"

#include "cedar/classad_wire.hpp"
#include "transfer/transfer_ads.hpp"
#include "transfer/transfer_protocol.hpp"

namespace htcondor::transfer {

namespace {

// We ask: our alive interval out, then the peer's answers until one is final (pending answers
// only stretch the wait while a transfer queue holds the peer back).
ops::Async<Status<ops::Error>> askGoAhead(ops::CommandConnection& c, GoAheadState& state) {
  auto ask = c.writer();
  ask.putInt(kAliveInterval);
  if (auto sent = c.send(std::move(ask)); !sent) co_return failure(sent.error());
  for (;;) {
    auto message = co_await c.receive();
    if (!message) co_return failure("no go-ahead from the daemon: " + message.error());
    auto in = c.reader(*message);
    auto ad = cedar::getClassAd(in);
    if (!ad) co_return failure("the go-ahead message is malformed: " + ad.error().message);
    auto result = goAheadResult(**ad);
    if (!result) co_return failure(result.error());
    if (*result == kGoAheadPending) continue;
    state.peerAlways = *result == kGoAheadAlways;
    co_return std::monostate{};
  }
}

// The peer asks: its alive interval in, our "always" out at once (a client has no queue).
ops::Async<Status<ops::Error>> giveGoAhead(ops::CommandConnection& c, GoAheadState& state, bool downloading) {
  auto message = co_await c.receive();
  if (!message) co_return failure("no go-ahead request from the daemon: " + message.error());
  auto in = c.reader(*message);
  if (auto interval = in.getInt64(); !interval)
    co_return failure("the go-ahead request is malformed: " + interval.error().message);
  if (auto sent = c.sendAd(*goAheadAd(downloading)); !sent) co_return failure(sent.error());
  state.ourAlways = true;
  co_return std::monostate{};
}

}  // namespace

ops::Async<Status<ops::Error>> exchangeGoAhead(ops::CommandConnection& c, GoAheadState& state, bool downloading) {
  if (downloading && !state.ourAlways) {
    if (auto given = co_await giveGoAhead(c, state, downloading); !given) co_return given;
  }
  if (!state.peerAlways) {
    if (auto asked = co_await askGoAhead(c, state); !asked) co_return asked;
  }
  if (!downloading && !state.ourAlways) {
    if (auto given = co_await giveGoAhead(c, state, downloading); !given) co_return given;
  }
  co_return std::monostate{};
}

}  // namespace htcondor::transfer
