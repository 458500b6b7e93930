#include "security/host_ecdh.hpp"

#ifdef __EMSCRIPTEN__
#include <emscripten/em_js.h>

// The host installs `Module.hostEcdh` with `generate(privateKey, publicKey)` and
// `agree(privateKey, peer, secret)` over views of this module's memory; each answers 0 (done),
// 1 (agree: the peer's point was refused) or -1 (declined).
EM_JS(int, htcondor_host_ecdh_generate, (std::uint8_t* priv, int privLen, std::uint8_t* pub, int pubLen), {
  const ecdh = Module['hostEcdh'];
  if (!ecdh) return -1;
  return ecdh.generate(HEAPU8.subarray(priv, priv + privLen), HEAPU8.subarray(pub, pub + pubLen));
});
EM_JS(int, htcondor_host_ecdh_agree, (const std::uint8_t* priv, int privLen, const std::uint8_t* peer, int peerLen,
                                      std::uint8_t* secret, int secretLen), {
  const ecdh = Module['hostEcdh'];
  if (!ecdh) return -1;
  return ecdh.agree(HEAPU8.subarray(priv, priv + privLen), HEAPU8.subarray(peer, peer + peerLen),
                    HEAPU8.subarray(secret, secret + secretLen));
});
#endif

namespace htcondor::security {

#ifdef __EMSCRIPTEN__
namespace {

HostEcdh answer(int rc) {
  if (rc == 0) return HostEcdh::Done;
  if (rc == 1) return HostEcdh::InvalidPeer;
  return HostEcdh::Unavailable;
}

}  // namespace
#endif

HostEcdh hostEcdhGenerate([[maybe_unused]] std::span<std::uint8_t, kEcdhPrivateKeySize> privateKey,
                          [[maybe_unused]] EcdhPublicKey& publicKey) {
#ifdef __EMSCRIPTEN__
  const HostEcdh done = answer(htcondor_host_ecdh_generate(privateKey.data(), static_cast<int>(privateKey.size()),
                                                           publicKey.data(), static_cast<int>(publicKey.size())));
  return done == HostEcdh::InvalidPeer ? HostEcdh::Unavailable : done;
#else
  return HostEcdh::Unavailable;
#endif
}

HostEcdh hostEcdhAgree([[maybe_unused]] std::span<const std::uint8_t, kEcdhPrivateKeySize> privateKey,
                       [[maybe_unused]] const EcdhPublicKey& peer, [[maybe_unused]] EcdhSharedSecret& secret) {
#ifdef __EMSCRIPTEN__
  return answer(htcondor_host_ecdh_agree(privateKey.data(), static_cast<int>(privateKey.size()), peer.data(),
                                         static_cast<int>(peer.size()), secret.data(), static_cast<int>(secret.size())));
#else
  return HostEcdh::Unavailable;
#endif
}

}  // namespace htcondor::security
