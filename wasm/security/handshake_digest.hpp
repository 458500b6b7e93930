// The handshake digests bound into the first AES-GCM packet of each direction (protocol doc
// 6.4): each side hashes the exact wire bytes (5-byte header + payload) of every plaintext
// packet it sends and receives, from the start of the command handshake (after
// SHARED_PORT_CONNECT) until the session key is installed. Tampering with any plaintext
// handshake packet, or replaying a handshake, then makes the first encrypted packet fail.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>

namespace htcondor::security {

inline constexpr std::size_t kDigestSize = 32;  // SHA-256
using Digest = std::array<std::uint8_t, kDigestSize>;

// Both digests, frozen, from this side's point of view.
struct HandshakeDigests {
  Digest sent{};      // over the plaintext packets this side sent
  Digest received{};  // over the plaintext packets this side received
};

// Records one connection's plaintext packets until freeze().
class HandshakeTranscript {
 public:
  HandshakeTranscript();
  HandshakeTranscript(HandshakeTranscript&&) noexcept;
  HandshakeTranscript& operator=(HandshakeTranscript&&) noexcept;
  ~HandshakeTranscript();

  // Forget everything: the client calls this after SHARED_PORT_CONNECT, which the shared-port
  // daemon consumes and the command daemon never sees.
  void reset();

  // Wire bytes of a plaintext packet, in order; a packet may come in pieces (header, then
  // payload). As in HTCondor, a direction stops hashing once 1 MiB has gone through it. Ignored
  // after freeze().
  void recordSent(std::span<const std::uint8_t> bytes);
  void recordReceived(std::span<const std::uint8_t> bytes);

  // Finalizes both digests (on the first call; later calls return the same values). A
  // direction without any plaintext packet gives 32 zero bytes, not SHA-256 of nothing.
  HandshakeDigests freeze();
  bool frozen() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace htcondor::security
