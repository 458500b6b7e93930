// AES-256-GCM done by the host runtime, where it has a synchronous one: Node, Deno and Bun
// offer OpenSSL/BoringSSL through node:crypto, with the CPU's AES and carry-less multiply
// instructions, dozens of times faster than mbedTLS's portable tables compiled to wasm (whole
// job ads arrive at tens of MB per query). Browsers have only the asynchronous WebCrypto, and
// native builds none: there, and whenever the host declines, mbedTLS does the work.
#pragma once

#include <cstdint>
#include <span>

#include "security/key_derivation.hpp"

namespace htcondor::security {

enum class HostGcm {
  Done,
  AuthenticationFailed,  // open only: the tag does not match; nothing was written to `out`
  Unavailable,           // no host cipher: use mbedTLS
};

struct GcmInput {
  const SessionKey& key;
  std::span<const std::uint8_t> iv;
  std::span<const std::uint8_t> aad;
  std::span<const std::uint8_t> in;
};

// `out` has in.size() bytes; `tag` 16.
HostGcm hostGcmSeal(const GcmInput& input, std::uint8_t* out, std::uint8_t* tag);
HostGcm hostGcmOpen(const GcmInput& input, std::span<const std::uint8_t> tag, std::uint8_t* out);

}  // namespace htcondor::security
