// HMAC through mbedTLS, for the IDTOKENS/PASSWORD proofs (HMAC-SHA1, protocol doc 7.2) and JWT
// signatures (HMAC-SHA256).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

#include "security/crypto_error.hpp"

namespace htcondor::security {

inline constexpr std::size_t kSha1Size = 20;
using Sha1Mac = std::array<std::uint8_t, kSha1Size>;
using Sha256Mac = std::array<std::uint8_t, 32>;

Result<Sha1Mac> hmacSha1(std::span<const std::uint8_t> key, std::span<const std::uint8_t> data);
Result<Sha256Mac> hmacSha256(std::span<const std::uint8_t> key, std::span<const std::uint8_t> data);

}  // namespace htcondor::security
