// libFuzzer target: a peer's version banner arrives from the network before authentication.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/release.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  if (auto release = htcondor::parseVersionBanner(text)) {
    // Whatever parses must print back to a banner that parses to the same release.
    auto again = htcondor::parseVersionBanner(htcondor::versionBanner(*release));
    if (!again || *again != *release) __builtin_trap();
  }
  return 0;
}
