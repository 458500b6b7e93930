// The two packet transforms of a command connection (cedar/packet.hpp): during the handshake a
// recorder that hashes every plaintext packet into the handshake digests, and once the session
// key is installed AES-GCM records. One object serves both directions of a connection, as the
// digests and the record counters belong to the connection, not to a direction.
#pragma once

#include <memory>

#include "cedar/packet.hpp"
#include "security/aes_gcm_stream.hpp"
#include "security/handshake_digest.hpp"

namespace htcondor::security {

// Passes packets through unchanged, recording their wire bytes (header and payload).
class TranscriptRecorder final : public cedar::PacketTransform {
 public:
  explicit TranscriptRecorder(std::shared_ptr<HandshakeTranscript> transcript)
      : transcript_(std::move(transcript)) {}
  cedar::Result<cedar::Bytes> seal(std::uint8_t end, std::span<const std::uint8_t> plaintext) override;
  cedar::Result<cedar::Bytes> open(std::span<const std::uint8_t> header, std::span<const std::uint8_t> payload) override;
  std::size_t maxOverhead() const override { return 0; }

 private:
  std::shared_ptr<HandshakeTranscript> transcript_;
};

// HTCondor's AES-256-GCM records (aes_gcm_stream.hpp) as a packet transform.
class AesGcmTransform final : public cedar::PacketTransform {
 public:
  explicit AesGcmTransform(AesGcmStream stream) : stream_(std::move(stream)) {}
  cedar::Result<cedar::Bytes> seal(std::uint8_t end, std::span<const std::uint8_t> plaintext) override;
  cedar::Result<cedar::Bytes> open(std::span<const std::uint8_t> header, std::span<const std::uint8_t> payload) override;
  std::size_t maxOverhead() const override { return kGcmIvSize + kGcmTagSize; }

 private:
  AesGcmStream stream_;
};

}  // namespace htcondor::security
