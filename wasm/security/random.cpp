#include "security/random.hpp"

#include <sys/random.h>

#include <algorithm>
#include <array>

#include <mbedtls/entropy.h>
#include <mbedtls/platform_util.h>

namespace htcondor::security {

namespace {

// getentropy() hands out at most 256 bytes per call.
constexpr std::size_t kBlock = 256;

struct Pool {
  std::array<std::uint8_t, kBlock> bytes;
  std::size_t used = kBlock;  // bytes[used..] are still to hand out
};
Pool pool;

}  // namespace

Status randomBytes(std::span<std::uint8_t> out) {
  while (!out.empty()) {
    if (pool.used == kBlock) {
      if (getentropy(pool.bytes.data(), kBlock) != 0) return failure(CryptoError::RandomUnavailable);
      pool.used = 0;
    }
    const std::size_t n = std::min(out.size(), kBlock - pool.used);
    std::uint8_t* from = pool.bytes.data() + pool.used;
    std::copy_n(from, n, out.data());
    mbedtls_platform_zeroize(from, n);
    pool.used += n;
    out = out.subspan(n);
  }
  return std::monostate{};
}

int mbedtlsRandom(void* /*p_rng*/, unsigned char* out, std::size_t len) {
  return randomBytes({out, len}) ? 0 : MBEDTLS_ERR_ENTROPY_SOURCE_FAILED;
}

}  // namespace htcondor::security
