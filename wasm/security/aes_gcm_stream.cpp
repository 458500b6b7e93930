#include "security/aes_gcm_stream.hpp"

#include <algorithm>

#include <mbedtls/gcm.h>
#include <mbedtls/platform_util.h>

#include "security/host_gcm.hpp"
#include "security/random.hpp"

namespace htcondor::security {

namespace {

// HTCondor refuses to use the last counter value (condor_crypt_aesgcm.cpp).
constexpr std::uint32_t kCounterLimit = 0xffffffffu;

PacketHeader makeHeader(bool endOfMessage, std::uint32_t payloadSize) {
  return {static_cast<std::uint8_t>(endOfMessage ? 1 : 0),
          static_cast<std::uint8_t>(payloadSize >> 24),
          static_cast<std::uint8_t>(payloadSize >> 16),
          static_cast<std::uint8_t>(payloadSize >> 8), static_cast<std::uint8_t>(payloadSize)};
}

std::uint32_t readBigEndian32(const std::uint8_t* p) {
  return std::uint32_t{p[0]} << 24 | std::uint32_t{p[1]} << 16 | std::uint32_t{p[2]} << 8 | p[3];
}

// The header alone, or the digests and the header for packet 0.
std::span<const std::uint8_t> packetAad(std::uint32_t n, const Digest& first, const Digest& second,
                                        const PacketHeader& header,
                                        std::array<std::uint8_t, kFirstPacketAadSize>& storage) {
  if (n != 0) return header;
  storage = firstPacketAad(first, second, header);
  return storage;
}

}  // namespace

struct GcmContext {
  mbedtls_gcm_context ctx;
  GcmContext() { mbedtls_gcm_init(&ctx); }
  ~GcmContext() { mbedtls_gcm_free(&ctx); }
  GcmContext(const GcmContext&) = delete;
  GcmContext& operator=(const GcmContext&) = delete;
};

// Keyed once per stream: setting the key builds GCM's tables, too costly to redo per packet.
mbedtls_gcm_context* AesGcmStream::keyed() {
  if (!gcm_) {
    auto made = std::make_shared<GcmContext>();
    if (mbedtls_gcm_setkey(&made->ctx, MBEDTLS_CIPHER_ID_AES, key_.data(), 8 * key_.size()) != 0) return nullptr;
    gcm_ = std::move(made);
  }
  return &gcm_->ctx;
}

GcmIv packetIv(const GcmIv& base, std::uint32_t n) {
  GcmIv iv = base;
  std::uint32_t counter = readBigEndian32(base.data()) + n;  // wraps modulo 2^32, as HTCondor
  iv[0] = static_cast<std::uint8_t>(counter >> 24);
  iv[1] = static_cast<std::uint8_t>(counter >> 16);
  iv[2] = static_cast<std::uint8_t>(counter >> 8);
  iv[3] = static_cast<std::uint8_t>(counter);
  return iv;
}

std::array<std::uint8_t, kFirstPacketAadSize> firstPacketAad(const Digest& senderSent,
                                                             const Digest& senderReceived,
                                                             const PacketHeader& header) {
  std::array<std::uint8_t, kFirstPacketAadSize> aad;
  auto out = std::copy(senderSent.begin(), senderSent.end(), aad.begin());
  out = std::copy(senderReceived.begin(), senderReceived.end(), out);
  std::copy(header.begin(), header.end(), out);
  return aad;
}

AesGcmStream::AesGcmStream(const SessionKey& key, const GcmIv& sendIv,
                           const HandshakeDigests& digests)
    : key_(key), digests_(digests), sendIv_(sendIv) {}

Result<AesGcmStream> AesGcmStream::create(const SessionKey& key, const HandshakeDigests& digests) {
  GcmIv iv;
  if (auto filled = randomBytes(iv); !filled) return failure(filled.error());
  return AesGcmStream(key, iv, digests);
}

AesGcmStream::~AesGcmStream() { mbedtls_platform_zeroize(key_.data(), key_.size()); }

Result<std::vector<std::uint8_t>> AesGcmStream::encryptPacket(
    std::span<const std::uint8_t> plaintext, bool endOfMessage) {
  if (sendCount_ == kCounterLimit) return failure(CryptoError::CounterExhausted);
  const std::uint32_t n = sendCount_;
  const std::size_t ivBytes = n == 0 ? kGcmIvSize : 0;
  // CEDAR has no empty packets.
  if (plaintext.empty()) return failure(CryptoError::MalformedRecord);
  if (plaintext.size() > kMaxPacketPayload - ivBytes - kGcmTagSize) {
    return failure(CryptoError::RecordTooLarge);
  }
  const auto payloadSize = static_cast<std::uint32_t>(ivBytes + plaintext.size() + kGcmTagSize);
  const PacketHeader header = makeHeader(endOfMessage, payloadSize);
  std::array<std::uint8_t, kFirstPacketAadSize> aadStorage;
  auto aad = packetAad(n, digests_.sent, digests_.received, header, aadStorage);
  const GcmIv iv = packetIv(sendIv_, n);

  std::vector<std::uint8_t> wire(kPacketHeaderSize + payloadSize);
  std::copy(header.begin(), header.end(), wire.begin());
  std::uint8_t* body = wire.data() + kPacketHeaderSize;
  if (n == 0) body = std::copy(iv.begin(), iv.end(), body);

  switch (hostGcmSeal({key_, iv, aad, plaintext}, body, body + plaintext.size())) {
    case HostGcm::Done: break;
    case HostGcm::AuthenticationFailed: return failure(CryptoError::Internal);  // not an answer to sealing
    case HostGcm::Unavailable: {
      mbedtls_gcm_context* gcm = keyed();
      if (!gcm || mbedtls_gcm_crypt_and_tag(gcm, MBEDTLS_GCM_ENCRYPT, plaintext.size(), iv.data(), iv.size(),
                                            aad.data(), aad.size(), plaintext.data(), body, kGcmTagSize,
                                            body + plaintext.size()) != 0) {
        return failure(CryptoError::Internal);
      }
    }
  }
  ++sendCount_;
  return wire;
}

Result<std::vector<std::uint8_t>> AesGcmStream::decryptPacket(
    std::span<const std::uint8_t> wirePacket) {
  if (recvFailed_) return failure(CryptoError::StreamFailed);
  // Every exit below except success kills the direction.
  recvFailed_ = true;
  if (recvCount_ == kCounterLimit) return failure(CryptoError::CounterExhausted);
  const std::uint32_t n = recvCount_;
  const std::size_t ivBytes = n == 0 ? kGcmIvSize : 0;

  if (wirePacket.size() < kPacketHeaderSize) return failure(CryptoError::MalformedRecord);
  PacketHeader header;
  std::copy_n(wirePacket.begin(), kPacketHeaderSize, header.begin());
  const std::uint32_t payloadSize = readBigEndian32(header.data() + 1);
  auto payload = wirePacket.subspan(kPacketHeaderSize);
  if (payloadSize != payload.size()) return failure(CryptoError::MalformedRecord);
  if (payloadSize > kMaxPacketPayload) return failure(CryptoError::RecordTooLarge);
  if (payload.size() < ivBytes + kGcmTagSize) return failure(CryptoError::MalformedRecord);

  GcmIv base = recvIv_;
  if (n == 0) std::copy_n(payload.begin(), kGcmIvSize, base.begin());
  const GcmIv iv = packetIv(base, n);
  auto ciphertext = payload.subspan(ivBytes, payload.size() - ivBytes - kGcmTagSize);
  auto tag = payload.last(kGcmTagSize);
  // The peer's first packet was made with the peer's (sent, received): our (received, sent).
  std::array<std::uint8_t, kFirstPacketAadSize> aadStorage;
  auto aad = packetAad(n, digests_.received, digests_.sent, header, aadStorage);

  std::vector<std::uint8_t> plaintext(ciphertext.size());
  switch (hostGcmOpen({key_, iv, aad, ciphertext}, tag, plaintext.data())) {
    case HostGcm::Done: break;
    case HostGcm::AuthenticationFailed: return failure(CryptoError::AuthenticationFailed);
    case HostGcm::Unavailable: {
      mbedtls_gcm_context* gcm = keyed();
      if (!gcm) return failure(CryptoError::Internal);
      int rc = mbedtls_gcm_auth_decrypt(gcm, ciphertext.size(), iv.data(), iv.size(), aad.data(),
                                        aad.size(), tag.data(), tag.size(), ciphertext.data(),
                                        plaintext.data());
      if (rc == MBEDTLS_ERR_GCM_AUTH_FAILED) return failure(CryptoError::AuthenticationFailed);
      if (rc != 0) return failure(CryptoError::Internal);
    }
  }

  recvIv_ = base;
  ++recvCount_;
  recvFailed_ = false;
  return plaintext;
}

}  // namespace htcondor::security
