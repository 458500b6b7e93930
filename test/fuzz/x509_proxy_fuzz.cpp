// libFuzzer target: an X.509 proxy file named in a submit description (PEM blocks, certificates,
// a private key), read as condor_submit checks it; an expiration or nothing, never a crash.
#include <cstddef>
#include <cstdint>
#include <string>

#include "security/x509_proxy.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  (void)htcondor::security::x509ProxyExpiration(text);
  return 0;
}
