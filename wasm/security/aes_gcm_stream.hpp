// HTCondor's AES-256-GCM record format on a CEDAR TCP connection (protocol doc 6.3, 6.4).
// Per direction: a 16-byte base IV (random, sent in clear in the first packet only) and a
// packet counter n from 0; packet n uses IV_n = (first 4 IV bytes as big-endian uint32 + n)
// || the other 12 IV bytes. The AAD is the packet's 5-byte header (with the encrypted length);
// for n == 0 it is prefixed with the two handshake digests. Every CEDAR packet is one record:
//   header  = end(1) || uint32_be(payload size)
//   payload = (IV if n == 0) || ciphertext || tag(16)
// Sans-IO: the caller frames and moves the bytes; this class only turns packets into packets.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "security/crypto_error.hpp"
#include "security/handshake_digest.hpp"
#include "security/key_derivation.hpp"

struct mbedtls_gcm_context;

namespace htcondor::security {

struct GcmContext;

inline constexpr std::size_t kGcmIvSize = 16;  // HTCondor's IV is 16 bytes, not GCM's usual 12
inline constexpr std::size_t kGcmTagSize = 16;
inline constexpr std::size_t kPacketHeaderSize = 5;
inline constexpr std::size_t kMaxPacketPayload = 1024 * 1024;  // CEDAR's receive limit
inline constexpr std::size_t kFirstPacketAadSize = 2 * kDigestSize + kPacketHeaderSize;

using GcmIv = std::array<std::uint8_t, kGcmIvSize>;
using PacketHeader = std::array<std::uint8_t, kPacketHeaderSize>;

// IV of packet n: the first four bytes advance as a big-endian counter modulo 2^32.
GcmIv packetIv(const GcmIv& base, std::uint32_t n);

// AAD of a direction's first packet: the sender's digest of what it sent, then of what it
// received, then the header. The receiver passes the same bytes: (its received, its sent).
std::array<std::uint8_t, kFirstPacketAadSize> firstPacketAad(const Digest& senderSent,
                                                             const Digest& senderReceived,
                                                             const PacketHeader& header);

// Both directions of one connection's encryption. Built when the key is installed: a new
// session and every resumption get a new stream (new IVs, counters at 0, new digests).
class AesGcmStream {
 public:
  // `sendIv`: this side's base IV, 16 random bytes (fixed only to reproduce test vectors).
  // `digests`: this side's handshake digests, frozen now; from here on both directions are
  // encrypted, so no later plaintext packet could change them.
  AesGcmStream(const SessionKey& key, const GcmIv& sendIv, const HandshakeDigests& digests);
  // The same with a fresh IV from the platform CSPRNG.
  static Result<AesGcmStream> create(const SessionKey& key, const HandshakeDigests& digests);

  AesGcmStream(const AesGcmStream&) = default;
  AesGcmStream& operator=(const AesGcmStream&) = default;
  ~AesGcmStream();

  // One plaintext packet (1..1 MiB - overhead bytes) -> its wire bytes, header included.
  Result<std::vector<std::uint8_t>> encryptPacket(std::span<const std::uint8_t> plaintext,
                                                  bool endOfMessage);

  // One packet's wire bytes, header included -> its plaintext. Any failure is final: later
  // calls fail with StreamFailed, since HTCondor drops the connection on the first one.
  Result<std::vector<std::uint8_t>> decryptPacket(std::span<const std::uint8_t> wirePacket);

  std::uint32_t packetsSent() const { return sendCount_; }
  std::uint32_t packetsReceived() const { return recvCount_; }

 private:
  SessionKey key_;
  HandshakeDigests digests_;
  GcmIv sendIv_;
  GcmIv recvIv_{};  // learnt from the peer's first packet
  std::uint32_t sendCount_ = 0;
  std::uint32_t recvCount_ = 0;
  bool recvFailed_ = false;
  // Shared by copies: both directions use the one key, one packet at a time.
  std::shared_ptr<GcmContext> gcm_;
  mbedtls_gcm_context* keyed();
};

}  // namespace htcondor::security
