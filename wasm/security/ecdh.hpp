// ECDH on NIST P-256, as HTCondor uses it for the session key of every new session
// (protocol doc 6.1): each side sends its public key as the base64 of the 65-byte uncompressed
// point in the ClassAd attribute ECDHPublicKey; the shared secret is the X coordinate.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "security/crypto_error.hpp"

namespace htcondor::security {

inline constexpr std::size_t kEcdhPrivateKeySize = 32;
inline constexpr std::size_t kEcdhPublicKeySize = 65;  // 04 || X || Y
inline constexpr std::size_t kEcdhSharedSecretSize = 32;

using EcdhPublicKey = std::array<std::uint8_t, kEcdhPublicKeySize>;
using EcdhSharedSecret = std::array<std::uint8_t, kEcdhSharedSecretSize>;

// Standard alphabet with padding, no line breaks: always 88 characters.
std::string encodeEcdhPublicKey(const EcdhPublicKey& key);
// Accepts exactly that form, and only points on the curve.
Result<EcdhPublicKey> decodeEcdhPublicKey(std::string_view base64);

// One side's key pair. Fresh per new session; the private key is wiped on destruction.
class EcdhKeyPair {
 public:
  static Result<EcdhKeyPair> generate();
  // A known private key (big-endian scalar): test vectors.
  static Result<EcdhKeyPair> fromPrivateKey(std::span<const std::uint8_t> privateKey);

  EcdhKeyPair(const EcdhKeyPair&) = default;
  EcdhKeyPair& operator=(const EcdhKeyPair&) = default;
  ~EcdhKeyPair();

  const EcdhPublicKey& publicKey() const { return public_; }
  std::string publicKeyBase64() const { return encodeEcdhPublicKey(public_); }

  // The X coordinate of private * peer. Fails for points not on the curve.
  Result<EcdhSharedSecret> sharedSecret(const EcdhPublicKey& peer) const;

 private:
  EcdhKeyPair() = default;
  std::array<std::uint8_t, kEcdhPrivateKeySize> private_{};
  EcdhPublicKey public_{};
};

}  // namespace htcondor::security
