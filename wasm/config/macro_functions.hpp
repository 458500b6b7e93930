// The $FUNC(...) forms of configuration macros other than $(NAME) and $ENV(NAME)
// (evaluate_macro_func in HTCondor's config.cpp, the variant param() uses). Internal to
// macro_expand.cpp, which hands over the body text and a way to expand nested references
// within the same substitution budget.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "config/macro_expand.hpp"

namespace htcondor::config {

struct MacroContext {
  const MacroTable& config;
  std::function<ExpandResult<std::string>(std::string_view)> expand;
};

// string_is_long_param(): an integer literal (surrounding whitespace allowed), else an
// expression whose value is a number or a boolean (a real converted as C converts it on x86).
// Also the count of a submit queue statement.
std::optional<long long> longParam(const std::string& text);

// The replacement text for `$<func>(<body>)` of the given kind (not Normal or Env).
ExpandResult<std::string> evaluateFunction(MacroKind kind, std::string_view func, std::string_view body,
                                           const MacroContext& context);

}  // namespace htcondor::config
