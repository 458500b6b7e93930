// libFuzzer target: ClassAd text arrives from daemons, files and users. Parsing, printing (all
// styles) and evaluating whatever parses must never crash, hang or trip the sanitizers.
// (Printed text is not required to parse again: HTCondor prints a selected attribute name
// unquoted, as in `a.'odd name'` -> `a.odd name`, and we print what HTCondor prints.)
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
  (void)unparse(*tree);
  (void)unparse(*tree, Style::Pretty);
  (void)unparse(*tree, Style::Old);
  (void)evaluateIn(*tree, nullptr);
  return 0;
}
