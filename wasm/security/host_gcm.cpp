#include "security/host_gcm.hpp"

#ifdef __EMSCRIPTEN__
#include <emscripten/em_js.h>

// The host installs `Module.hostGcm(seal, key, iv, aad, input, out, tag)` over views of this
// module's memory; it answers 0 (done), 1 (authentication failed) or -1 (declined).
EM_JS(int, htcondor_host_gcm, (int seal, const std::uint8_t* key, int keyLen, const std::uint8_t* iv, int ivLen,
                               const std::uint8_t* aad, int aadLen, const std::uint8_t* data, int dataLen,
                               std::uint8_t* out, std::uint8_t* tag), {
  const gcm = Module['hostGcm'];
  if (!gcm) return -1;
  return gcm(seal !== 0, HEAPU8.subarray(key, key + keyLen), HEAPU8.subarray(iv, iv + ivLen),
             HEAPU8.subarray(aad, aad + aadLen), HEAPU8.subarray(data, data + dataLen),
             HEAPU8.subarray(out, out + dataLen), HEAPU8.subarray(tag, tag + 16));
});
#endif

namespace htcondor::security {

namespace {

HostGcm call([[maybe_unused]] bool seal, [[maybe_unused]] const GcmInput& input,
             [[maybe_unused]] std::uint8_t* out, [[maybe_unused]] const std::uint8_t* tag) {
#ifdef __EMSCRIPTEN__
  // A host call costs ~20 us whatever the size (views, a cipher object, the key schedule):
  // what mbedTLS takes for ~300 bytes. Smaller packets (projected ads, queue calls) stay here.
  constexpr std::size_t kHostMinBytes = 512;
  if (input.in.size() < kHostMinBytes) return HostGcm::Unavailable;
  const int rc = htcondor_host_gcm(seal, input.key.data(), static_cast<int>(input.key.size()), input.iv.data(),
                                   static_cast<int>(input.iv.size()), input.aad.data(),
                                   static_cast<int>(input.aad.size()), input.in.data(),
                                   static_cast<int>(input.in.size()), out, const_cast<std::uint8_t*>(tag));
  if (rc == 0) return HostGcm::Done;
  if (rc == 1) return HostGcm::AuthenticationFailed;
#endif
  return HostGcm::Unavailable;
}

}  // namespace

HostGcm hostGcmSeal(const GcmInput& input, std::uint8_t* out, std::uint8_t* tag) {
  return call(true, input, out, tag);
}

HostGcm hostGcmOpen(const GcmInput& input, std::span<const std::uint8_t> tag, std::uint8_t* out) {
  return call(false, input, out, tag.data());
}

}  // namespace htcondor::security
