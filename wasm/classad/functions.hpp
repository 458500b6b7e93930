// The built-in function table. Functions receive their argument expressions unevaluated (some,
// like ifThenElse, evaluate only what they need) and return false only for an evaluation
// failure, as HTCondor's do. Names are matched without case.
#pragma once

#include <cctype>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "classad/eval.hpp"
#include "classad/expr.hpp"
#include "classad/value.hpp"

namespace htcondor::classad {

using Args = std::vector<ExprPtr>;
using Builtin = bool (*)(std::string_view name, const Args& args, EvalState& state, Value& result);

// The function registered under `name`, or null.
Builtin findBuiltin(std::string_view name);

struct CaselessLess {
  bool operator()(std::string_view a, std::string_view b) const {
    for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
      const int x = std::tolower(static_cast<unsigned char>(a[i]));
      const int y = std::tolower(static_cast<unsigned char>(b[i]));
      if (x != y) return x < y;
    }
    return a.size() < b.size();
  }
  using is_transparent = void;
};
using Registry = std::map<std::string, Builtin, CaselessLess>;

// Each family of functions adds itself to the table (functions_*.cpp).
void registerTypeFunctions(Registry& add);
void registerStringFunctions(Registry& add);
void registerListFunctions(Registry& add);
void registerMathFunctions(Registry& add);
void registerConversionFunctions(Registry& add);
void registerMiscFunctions(Registry& add);
void registerTimeFunctions(Registry& add);
void registerRegexpFunctions(Registry& add);
void registerStringListFunctions(Registry& add);
void registerEnvironmentFunctions(Registry& add);
void registerSystemFunctions(Registry& add);

// Evaluates argument `i`; false on failure.
inline bool evalArg(const Args& args, size_t i, EvalState& state, Value& out) {
  return evaluate(*args[i], state, out);
}

}  // namespace htcondor::classad
