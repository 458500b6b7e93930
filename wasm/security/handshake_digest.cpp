#include "security/handshake_digest.hpp"

#include <mbedtls/sha256.h>

namespace htcondor::security {

namespace {

// HTCondor hashes only while fewer than 1 MiB passed in that direction (reli_sock.cpp).
constexpr std::uint64_t kHashLimit = 1024 * 1024;

// One direction's running SHA-256; no context until the first byte, so that "nothing
// recorded" is distinguishable and yields the all-zero digest.
class RunningDigest {
 public:
  RunningDigest() { mbedtls_sha256_init(&ctx_); }
  ~RunningDigest() { mbedtls_sha256_free(&ctx_); }
  RunningDigest(const RunningDigest&) = delete;
  RunningDigest& operator=(const RunningDigest&) = delete;

  void add(std::span<const std::uint8_t> bytes) {
    if (bytes.empty() || bytesSeen_ >= kHashLimit) return;
    if (!started_) {
      mbedtls_sha256_starts(&ctx_, /*is224=*/0);
      started_ = true;
    }
    mbedtls_sha256_update(&ctx_, bytes.data(), bytes.size());
    bytesSeen_ += bytes.size();
  }

  Digest finish() {
    Digest out{};
    if (started_) mbedtls_sha256_finish(&ctx_, out.data());
    return out;
  }

 private:
  mbedtls_sha256_context ctx_;
  bool started_ = false;
  std::uint64_t bytesSeen_ = 0;
};

}  // namespace

struct HandshakeTranscript::State {
  RunningDigest sent;
  RunningDigest received;
  bool frozen = false;
  HandshakeDigests digests;
};

HandshakeTranscript::HandshakeTranscript() : state_(std::make_unique<State>()) {}
HandshakeTranscript::HandshakeTranscript(HandshakeTranscript&&) noexcept = default;
HandshakeTranscript& HandshakeTranscript::operator=(HandshakeTranscript&&) noexcept = default;
HandshakeTranscript::~HandshakeTranscript() = default;

void HandshakeTranscript::reset() { state_ = std::make_unique<State>(); }

void HandshakeTranscript::recordSent(std::span<const std::uint8_t> bytes) {
  if (!state_->frozen) state_->sent.add(bytes);
}

void HandshakeTranscript::recordReceived(std::span<const std::uint8_t> bytes) {
  if (!state_->frozen) state_->received.add(bytes);
}

HandshakeDigests HandshakeTranscript::freeze() {
  if (!state_->frozen) {
    state_->digests = {state_->sent.finish(), state_->received.finish()};
    state_->frozen = true;
  }
  return state_->digests;
}

bool HandshakeTranscript::frozen() const { return state_->frozen; }

}  // namespace htcondor::security
