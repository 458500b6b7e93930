#include "security/hmac.hpp"

#include <mbedtls/md.h>

namespace htcondor::security {
namespace {

template <std::size_t N>
Result<std::array<std::uint8_t, N>> hmac(mbedtls_md_type_t type, std::span<const std::uint8_t> key,
                                         std::span<const std::uint8_t> data) {
  const mbedtls_md_info_t* info = mbedtls_md_info_from_type(type);
  if (info == nullptr || mbedtls_md_get_size(info) != N) return failure(CryptoError::Internal);
  std::array<std::uint8_t, N> out{};
  if (mbedtls_md_hmac(info, key.data(), key.size(), data.data(), data.size(), out.data()) != 0)
    return failure(CryptoError::Internal);
  return out;
}

}  // namespace

Result<Sha1Mac> hmacSha1(std::span<const std::uint8_t> key, std::span<const std::uint8_t> data) {
  return hmac<kSha1Size>(MBEDTLS_MD_SHA1, key, data);
}

Result<Sha256Mac> hmacSha256(std::span<const std::uint8_t> key, std::span<const std::uint8_t> data) {
  return hmac<32>(MBEDTLS_MD_SHA256, key, data);
}

}  // namespace htcondor::security
