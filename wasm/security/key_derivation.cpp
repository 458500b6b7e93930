#include "security/key_derivation.hpp"

#include <mbedtls/hkdf.h>
#include <mbedtls/md.h>

namespace htcondor::security {

Status hkdfSha256(std::span<const std::uint8_t> inputKey, std::string_view salt,
                        std::string_view info, std::span<std::uint8_t> out) {
  const mbedtls_md_info_t* sha256 = mbedtls_md_info_from_type(MBEDTLS_MD_SHA256);
  if (sha256 == nullptr) return failure(CryptoError::Internal);
  if (out.empty() || out.size() > 255 * 32) return failure(CryptoError::InvalidLength);
  int rc = mbedtls_hkdf(sha256, reinterpret_cast<const unsigned char*>(salt.data()), salt.size(),
                        inputKey.data(), inputKey.size(),
                        reinterpret_cast<const unsigned char*>(info.data()), info.size(),
                        out.data(), out.size());
  if (rc != 0) return failure(CryptoError::Internal);
  return std::monostate{};
}

Result<SessionKey> deriveSessionKey(const EcdhSharedSecret& secret) {
  SessionKey key;
  if (auto done = hkdfSha256(secret, "htcondor", "keygen", key); !done) {
    return failure(done.error());
  }
  return key;
}

}  // namespace htcondor::security
