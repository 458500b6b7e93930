#include "classad/functions.hpp"

namespace htcondor::classad {

namespace {

const Registry& table() {
  static const Registry functions = [] {
    Registry r;
    registerTypeFunctions(r);
    registerStringFunctions(r);
    registerListFunctions(r);
    registerMathFunctions(r);
    registerConversionFunctions(r);
    registerMiscFunctions(r);
    registerTimeFunctions(r);
    registerRegexpFunctions(r);
    registerStringListFunctions(r);
    registerEnvironmentFunctions(r);
    registerSystemFunctions(r);
    return r;
  }();
  return functions;
}

}  // namespace

Builtin findBuiltin(std::string_view name) {
  const auto& t = table();
  auto found = t.find(name);
  return found == t.end() ? nullptr : found->second;
}

}  // namespace htcondor::classad
