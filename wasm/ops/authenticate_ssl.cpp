#include "ops/authenticate_ssl.hpp"

#include <cstdint>
#include <memory>
#include <vector>

#include "cedar/message.hpp"
#include "security/auth_methods.hpp"

namespace htcondor::ops {

namespace {

// Condor_Auth_SSL's status codes.
enum SslStatus : std::int64_t { kOk = 0, kSending = 1, kReceiving = 2, kQuitting = 3, kHolding = 4, kError = -1 };
constexpr std::size_t kMaxFlight = 1024 * 1024;
constexpr std::size_t kLegacyKeySize = 256;
constexpr int kMaxRounds = 256;

using Out = std::optional<std::string>;

// One side's turn: its status and the TLS bytes it has for the other.
struct Turn {
  std::int64_t status = kError;
  std::vector<std::uint8_t> bytes;
};

Status<Error> sendTurn(HandshakeChannel& channel, std::int64_t status, const std::vector<std::uint8_t>& bytes) {
  cedar::MessageWriter out;
  out.putInt(status).putInt(static_cast<std::int64_t>(bytes.size())).putBytes(bytes);
  auto message = std::move(out).finish();
  if (!message) return failure(message.error().message);
  return channel.sendMessage(*message);
}

Async<Result<Turn, Error>> receiveTurn(HandshakeChannel& channel, const char* what) {
  auto message = co_await channel.receive(what);
  if (!message) co_return failure(message.error());
  cedar::MessageReader in(*message);
  Turn turn;
  auto status = in.getInt64();
  auto size = in.getInt64();
  if (!status || !size || *size < 0 || static_cast<std::size_t>(*size) > kMaxFlight)
    co_return failure(std::string("SSL: malformed ") + what + " from the daemon");
  auto bytes = in.getBytes(static_cast<std::size_t>(*size));
  if (!bytes || !in.finish()) co_return failure(std::string("SSL: malformed ") + what + " from the daemon");
  turn.status = *status;
  turn.bytes = std::move(*bytes);
  co_return turn;
}

}  // namespace

Async<Result<std::optional<std::string>, Error>> runSsl(HandshakeChannel& channel, security::TlsSettings settings,
                                                        std::optional<std::string> scitoken) {
  const std::string method = scitoken ? "SCITOKENS" : "SSL";
  auto created = security::TlsClient::create(settings);

  // 1. Readiness: the daemon's status, then ours (an error when TLS cannot even start here).
  auto serverReady = co_await channel.receive(method + " readiness");
  if (!serverReady) co_return failure(serverReady.error());
  auto serverStatus = security::decodeIntMessage(*serverReady, "SSL readiness");
  if (!serverStatus) co_return failure(serverStatus.error().message);
  if (auto sent = channel.sendMessage(security::encodeIntMessage(created ? kOk : kError)); !sent)
    co_return failure(sent.error());
  if (!created) co_return Out(method + ": " + created.error());
  if (*serverStatus != kOk) co_return Out(method + ": the daemon could not start TLS (no host certificate?)");
  security::TlsClient& tls = **created;

  // 2. The TLS handshake, client first, strictly alternating.
  std::int64_t ours = kOk, theirs = kOk;
  std::string failed;
  for (int round = 1;; ++round) {
    if (ours != kHolding) {
      auto step = tls.handshake();
      if (!step) {
        ours = kQuitting;
        failed = step.error();
      } else {
        ours = *step == security::TlsClient::Step::Done ? kHolding
               : *step == security::TlsClient::Step::WantRead ? kReceiving : kSending;
      }
    }
    if (round % 2 == 1) {
      if (auto sent = sendTurn(channel, ours, tls.takeOutgoing()); !sent) co_return failure(sent.error());
    } else {
      auto turn = co_await receiveTurn(channel, "TLS handshake message");
      if (!turn) co_return failure(turn.error());
      theirs = turn->status == kError ? kQuitting : turn->status;
      tls.feed(turn->bytes);
    }
    if (ours == kQuitting || theirs == kQuitting)
      co_return Out(method + ": " + (failed.empty() ? "the daemon ended the TLS handshake" : failed));
    if (ours == kHolding && theirs == kHolding) break;
    if (round > kMaxRounds) co_return Out(method + ": the TLS handshake does not end");
  }

  // 3. The daemon's certificate; on failure the daemon's next message is read, then we quit.
  if (auto trusted = tls.verifyServer(); !trusted) {
    auto next = co_await receiveTurn(channel, "TLS key message");
    if (next && next->status != kQuitting) {
      if (auto sent = sendTurn(channel, kQuitting, {}); !sent) co_return failure(sent.error());
    }
    co_return Out(method + ": " + trusted.error().substr(std::string("SSL: ").size()));
  }

  // 4. The 256 bytes HTCondor keys its legacy ciphers with (unused with ECDH), server first.
  ours = theirs = kReceiving;
  for (int round = 1; !(ours == kHolding && theirs == kHolding); ++round) {
    if (round > kMaxRounds) co_return Out(method + ": too many rounds reading the TLS key");
    if (ours != kHolding) {
      auto key = tls.read(kLegacyKeySize);
      if (!key) co_return Out(method + ": " + key.error());
      ours = *key ? kHolding : kReceiving;
    }
    if (round % 2 == 1) {
      auto turn = co_await receiveTurn(channel, "TLS key message");
      if (!turn) co_return failure(turn.error());
      theirs = turn->status == kError ? kQuitting : turn->status;
      tls.feed(turn->bytes);
    } else if (auto sent = sendTurn(channel, ours, tls.takeOutgoing()); !sent) {
      co_return failure(sent.error());
    }
    if (theirs == kQuitting) co_return Out(method + ": the daemon ended the TLS key exchange");
  }
  if (!scitoken) co_return Out{};

  // 5. SCITOKENS: the token (4-byte big-endian length, then its text) through TLS, client first.
  std::vector<std::uint8_t> payload = {static_cast<std::uint8_t>(scitoken->size() >> 24),
                                       static_cast<std::uint8_t>(scitoken->size() >> 16),
                                       static_cast<std::uint8_t>(scitoken->size() >> 8),
                                       static_cast<std::uint8_t>(scitoken->size())};
  payload.insert(payload.end(), scitoken->begin(), scitoken->end());
  if (auto written = tls.write(payload); !written) co_return Out(method + ": " + written.error());
  ours = kHolding;
  theirs = kReceiving;
  for (int round = 1; !(ours == kHolding && theirs == kHolding); ++round) {
    if (round > kMaxRounds) co_return Out(method + ": too many rounds sending the token");
    if (round % 2 == 1) {
      if (auto sent = sendTurn(channel, ours, tls.takeOutgoing()); !sent) co_return failure(sent.error());
    } else {
      auto turn = co_await receiveTurn(channel, "SciTokens answer");
      if (!turn) co_return failure(turn.error());
      theirs = turn->status == kError ? kQuitting : turn->status;
      tls.feed(turn->bytes);
    }
    if (theirs == kQuitting) co_return Out(method + ": the daemon rejected the token");
  }
  co_return Out{};
}

}  // namespace htcondor::ops
