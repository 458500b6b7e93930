// Randomness for keys and IVs from the platform CSPRNG (getentropy: the getrandom syscall
// natively, crypto.getRandomValues under emscripten). No user-space generator, so no state to
// seed; the CSPRNG's output is drawn a block at a time and each byte handed out once, as a call
// out to the host costs ~20 us whatever its size and an operation asks for a few bytes at a
// time (an IV, a nonce). The core is single-threaded and never forks.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "security/crypto_error.hpp"

namespace htcondor::security {

// Fills `out` completely, or fails with RandomUnavailable.
Status randomBytes(std::span<std::uint8_t> out);

// The same source with mbedTLS's f_rng signature (p_rng unused), for key generation and the
// side-channel blinding mbedTLS does in ECDH.
int mbedtlsRandom(void* p_rng, unsigned char* out, std::size_t len);

}  // namespace htcondor::security
