// Session keys from the ECDH secret (protocol doc 6.2). HTCondor runs every symmetric key it
// derives through the same HKDF-SHA256 (Condor_Crypt_Base::hkdf and the IDTOKENS/PASSWORD
// method's hkdf), so the general form is public too.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "security/crypto_error.hpp"
#include "security/ecdh.hpp"

namespace htcondor::security {

inline constexpr std::size_t kSessionKeySize = 32;  // AES-256
using SessionKey = std::array<std::uint8_t, kSessionKeySize>;

// RFC 5869 HKDF with SHA-256; `out` is filled completely (at most 255 * 32 bytes).
Status hkdfSha256(std::span<const std::uint8_t> inputKey, std::string_view salt,
                        std::string_view info, std::span<std::uint8_t> out);

// The AES session key: HKDF-SHA256(secret, salt "htcondor", info "keygen", 32 bytes).
Result<SessionKey> deriveSessionKey(const EcdhSharedSecret& secret);

}  // namespace htcondor::security
