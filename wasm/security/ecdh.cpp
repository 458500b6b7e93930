#include "security/ecdh.hpp"

#include <algorithm>

#include <mbedtls/base64.h>
#include <mbedtls/ecdh.h>
#include <mbedtls/ecp.h>
#include <mbedtls/platform_util.h>

#include "security/host_ecdh.hpp"
#include "security/random.hpp"

namespace htcondor::security {

namespace {

constexpr mbedtls_ecp_group_id kCurve = MBEDTLS_ECP_DP_SECP256R1;
constexpr std::size_t kBase64Size = 88;  // 4 * ceil(65 / 3)

// Scoped mbedTLS objects: init on construction, free on every exit path.
struct KeyPairHandle {
  mbedtls_ecp_keypair key;
  KeyPairHandle() { mbedtls_ecp_keypair_init(&key); }
  ~KeyPairHandle() { mbedtls_ecp_keypair_free(&key); }
};
struct AgreementHandles {
  mbedtls_ecp_group group;
  mbedtls_ecp_point peer;
  mbedtls_mpi secretScalar, shared;
  AgreementHandles() {
    mbedtls_ecp_group_init(&group);
    mbedtls_ecp_point_init(&peer);
    mbedtls_mpi_init(&secretScalar);
    mbedtls_mpi_init(&shared);
  }
  ~AgreementHandles() {
    mbedtls_mpi_free(&shared);
    mbedtls_mpi_free(&secretScalar);
    mbedtls_ecp_point_free(&peer);
    mbedtls_ecp_group_free(&group);
  }
};

// Loads the group and the peer's point, rejecting anything not on the curve (invalid-curve
// attacks) and the point at infinity.
Status loadPeer(AgreementHandles& h, const EcdhPublicKey& key) {
  if (mbedtls_ecp_group_load(&h.group, kCurve) != 0) return failure(CryptoError::Internal);
  if (mbedtls_ecp_point_read_binary(&h.group, &h.peer, key.data(), key.size()) != 0 ||
      mbedtls_ecp_check_pubkey(&h.group, &h.peer) != 0) {
    return failure(CryptoError::InvalidPublicKey);
  }
  return std::monostate{};
}

}  // namespace

std::string encodeEcdhPublicKey(const EcdhPublicKey& key) {
  unsigned char text[kBase64Size + 1];  // mbedTLS writes a terminating NUL
  std::size_t length = 0;
  if (mbedtls_base64_encode(text, sizeof text, &length, key.data(), key.size()) != 0) return {};
  return std::string(reinterpret_cast<const char*>(text), length);
}

Result<EcdhPublicKey> decodeEcdhPublicKey(std::string_view base64) {
  if (base64.size() != kBase64Size) return failure(CryptoError::InvalidPublicKey);
  unsigned char raw[kBase64Size];
  std::size_t length = 0;
  if (mbedtls_base64_decode(raw, sizeof raw, &length,
                            reinterpret_cast<const unsigned char*>(base64.data()),
                            base64.size()) != 0 ||
      length != kEcdhPublicKeySize) {
    return failure(CryptoError::InvalidPublicKey);
  }
  EcdhPublicKey key;
  std::copy(raw, raw + kEcdhPublicKeySize, key.begin());
  AgreementHandles h;
  if (auto loaded = loadPeer(h, key); !loaded) return failure(loaded.error());
  return key;
}

namespace {

// Copies private and public key out of a complete mbedTLS key pair.
Status exportKeyPair(const mbedtls_ecp_keypair& key, std::span<std::uint8_t> privateOut,
                           EcdhPublicKey& publicOut) {
  std::size_t length = 0;
  if (mbedtls_ecp_write_key_ext(&key, &length, privateOut.data(), privateOut.size()) != 0 ||
      length != privateOut.size()) {
    return failure(CryptoError::Internal);
  }
  if (mbedtls_ecp_write_public_key(&key, MBEDTLS_ECP_PF_UNCOMPRESSED, &length, publicOut.data(),
                                   publicOut.size()) != 0 ||
      length != publicOut.size()) {
    return failure(CryptoError::Internal);
  }
  return std::monostate{};
}

}  // namespace

Result<EcdhKeyPair> EcdhKeyPair::generate() {
  if (EcdhKeyPair pair; hostEcdhGenerate(pair.private_, pair.public_) == HostEcdh::Done) return pair;
  KeyPairHandle h;
  if (mbedtls_ecp_gen_key(kCurve, &h.key, mbedtlsRandom, nullptr) != 0) {
    return failure(CryptoError::RandomUnavailable);
  }
  EcdhKeyPair pair;
  if (auto done = exportKeyPair(h.key, pair.private_, pair.public_); !done) {
    return failure(done.error());
  }
  return pair;
}

Result<EcdhKeyPair> EcdhKeyPair::fromPrivateKey(std::span<const std::uint8_t> privateKey) {
  if (privateKey.size() != kEcdhPrivateKeySize) return failure(CryptoError::InvalidPrivateKey);
  KeyPairHandle h;
  if (mbedtls_ecp_read_key(kCurve, &h.key, privateKey.data(), privateKey.size()) != 0) {
    return failure(CryptoError::InvalidPrivateKey);
  }
  if (mbedtls_ecp_keypair_calc_public(&h.key, mbedtlsRandom, nullptr) != 0) {
    return failure(CryptoError::RandomUnavailable);
  }
  EcdhKeyPair pair;
  if (auto done = exportKeyPair(h.key, pair.private_, pair.public_); !done) {
    return failure(done.error());
  }
  return pair;
}

EcdhKeyPair::~EcdhKeyPair() { mbedtls_platform_zeroize(private_.data(), private_.size()); }

Result<EcdhSharedSecret> EcdhKeyPair::sharedSecret(const EcdhPublicKey& peer) const {
  switch (EcdhSharedSecret secret; hostEcdhAgree(private_, peer, secret)) {
    case HostEcdh::Done: return secret;
    case HostEcdh::InvalidPeer: return failure(CryptoError::InvalidPublicKey);
    case HostEcdh::Unavailable: break;
  }
  AgreementHandles h;
  if (auto loaded = loadPeer(h, peer); !loaded) return failure(loaded.error());
  if (mbedtls_mpi_read_binary(&h.secretScalar, private_.data(), private_.size()) != 0) {
    return failure(CryptoError::Internal);
  }
  // The random source only blinds the scalar multiplication against side channels.
  if (mbedtls_ecdh_compute_shared(&h.group, &h.shared, &h.peer, &h.secretScalar, mbedtlsRandom,
                                  nullptr) != 0) {
    return failure(CryptoError::KeyAgreementFailed);
  }
  EcdhSharedSecret secret;
  if (mbedtls_mpi_write_binary(&h.shared, secret.data(), secret.size()) != 0) {
    return failure(CryptoError::Internal);
  }
  return secret;
}

}  // namespace htcondor::security
