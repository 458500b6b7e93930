// libFuzzer target: ClassAd text arrives from daemons, files and users. Whatever parses must
// unparse to text that parses again to the same text, and evaluating it must not crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "classad/eval.hpp"
#include "classad/parser.hpp"
#include "classad/unparse.hpp"

using namespace htcondor::classad;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  ExprPtr tree = parseExpression(text);
  if (!tree) return 0;
  const std::string printed = unparse(*tree);
  ExprPtr again = parseExpression(printed);
  if (!again || unparse(*again) != printed) __builtin_trap();
  (void)evaluateIn(*tree, nullptr);
  return 0;
}
