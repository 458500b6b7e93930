// libFuzzer target: ad files and streams (new, old and JSON syntax) come from disk and from
// users. Reading any bytes must end in ads, an end or an error, never a crash or a hang, and
// every ad read must print in every form.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "classad/ad_reader.hpp"
#include "classad/json_writer.hpp"
#include "classad/unparse.hpp"

using namespace htcondor::classad;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  // The first byte picks the syntax; the rest is the text.
  const AdSyntax syntax = data[0] % 3 == 0 ? AdSyntax::New : data[0] % 3 == 1 ? AdSyntax::Old : AdSyntax::Json;
  std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  AdStream stream = readAds(text, syntax);
  for (const auto& ad : stream.ads) {
    (void)unparse(*ad);
    (void)unparseOldAttributes(*ad);
    (void)printJson(*ad);
  }
  return 0;
}
