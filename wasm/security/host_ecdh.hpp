// ECDH on P-256 done by the host runtime where it has a synchronous one: node:crypto in Node,
// Deno and Bun, whose native scalar multiplication takes ~0.1 ms where mbedTLS compiled to wasm
// takes ~1 ms, twice per new session. Browsers (WebCrypto is asynchronous) and native builds
// have none: there, and whenever the host declines, mbedTLS does the work.
#pragma once

#include <cstdint>
#include <span>

#include "security/ecdh.hpp"

namespace htcondor::security {

enum class HostEcdh {
  Done,
  InvalidPeer,  // agree only: the host refused the peer's point
  Unavailable,  // no host ECDH: use mbedTLS
};

HostEcdh hostEcdhGenerate(std::span<std::uint8_t, kEcdhPrivateKeySize> privateKey, EcdhPublicKey& publicKey);
HostEcdh hostEcdhAgree(std::span<const std::uint8_t, kEcdhPrivateKeySize> privateKey, const EcdhPublicKey& peer,
                       EcdhSharedSecret& secret);

}  // namespace htcondor::security
