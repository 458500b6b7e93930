#include "security/random.hpp"

#include <sys/random.h>

#include <algorithm>

#include <mbedtls/entropy.h>

namespace htcondor::security {

Status randomBytes(std::span<std::uint8_t> out) {
  // getentropy() hands out at most 256 bytes per call.
  constexpr std::size_t kMaxChunk = 256;
  while (!out.empty()) {
    std::size_t n = std::min(out.size(), kMaxChunk);
    if (getentropy(out.data(), n) != 0) return failure(CryptoError::RandomUnavailable);
    out = out.subspan(n);
  }
  return std::monostate{};
}

int mbedtlsRandom(void* /*p_rng*/, unsigned char* out, std::size_t len) {
  return randomBytes({out, len}) ? 0 : MBEDTLS_ERR_ENTROPY_SOURCE_FAILED;
}

}  // namespace htcondor::security
