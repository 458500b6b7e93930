#include "security/packet_transforms.hpp"

#include <string>

namespace htcondor::security {

namespace {

cedar::Result<cedar::Bytes> transformFailed(CryptoError e) {
  return cedar::fail(cedar::Errc::TransformFailed, std::string("AES-GCM: ") + describe(e));
}

}  // namespace

cedar::Result<cedar::Bytes> TranscriptRecorder::seal(std::uint8_t end, std::span<const std::uint8_t> plaintext) {
  const auto header = cedar::packetHeader(end, static_cast<std::uint32_t>(plaintext.size()));
  transcript_->recordSent(header);
  transcript_->recordSent(plaintext);
  return cedar::Bytes(plaintext.begin(), plaintext.end());
}

cedar::Result<cedar::Bytes> TranscriptRecorder::open(std::span<const std::uint8_t> header,
                                                     std::span<const std::uint8_t> payload) {
  transcript_->recordReceived(header);
  transcript_->recordReceived(payload);
  return cedar::Bytes(payload.begin(), payload.end());
}

cedar::Result<cedar::Bytes> AesGcmTransform::seal(std::uint8_t end, std::span<const std::uint8_t> plaintext) {
  auto wire = stream_.encryptPacket(plaintext, end != 0);
  if (!wire) return transformFailed(wire.error());
  // The encoder writes the header itself, the same 5 bytes the record authenticated.
  return cedar::Bytes(wire->begin() + kPacketHeaderSize, wire->end());
}

cedar::Result<cedar::Bytes> AesGcmTransform::open(std::span<const std::uint8_t> header,
                                                  std::span<const std::uint8_t> payload) {
  cedar::Bytes wire(header.begin(), header.end());
  wire.insert(wire.end(), payload.begin(), payload.end());
  auto plain = stream_.decryptPacket(wire);
  if (!plain) return transformFailed(plain.error());
  return std::move(*plain);
}

}  // namespace htcondor::security
