#include "transfer/go_ahead.hpp"

#include "transfer/messages.hpp"
#include "transfer/transfer_ads.hpp"
#include "transfer/transfer_protocol.hpp"

namespace htcondor::transfer {

namespace {

// We ask: our alive interval out, then the peer's answers until one is final (pending answers
// only stretch the wait while a transfer queue holds the peer back).
ops::Async<Status<ops::Error>> askGoAhead(ops::CommandConnection& c, GoAheadState& state) {
  if (auto sent = sendInt(c, kAliveInterval); !sent) co_return sent;
  for (;;) {
    auto ad = co_await receiveAd(c, "go-ahead from the daemon");
    if (!ad) co_return failure(ad.error());
    auto result = goAheadResult(**ad);
    if (!result) co_return failure(result.error());
    if (*result == kGoAheadPending) continue;
    state.peerAlways = *result == kGoAheadAlways;
    co_return std::monostate{};
  }
}

// The peer asks: its alive interval in, our "always" out at once (a client has no queue).
ops::Async<Status<ops::Error>> giveGoAhead(ops::CommandConnection& c, GoAheadState& state, bool downloading) {
  if (auto interval = co_await receiveInt(c, "go-ahead request from the daemon"); !interval)
    co_return failure(interval.error());
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
