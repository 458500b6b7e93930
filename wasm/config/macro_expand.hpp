// $(NAME) expansion as HTCondor's param() does it (src/condor_utils/config.cpp, expand_macro):
// the leftmost reference is replaced by its raw value (or its ":default" when that is undefined
// or empty) and the text is scanned again from the start, until no reference is left; then each
// $(DOLLAR) becomes '$'. $$(...) is not a configuration reference and stays as it is.
// The functions $ENV, $CHOICE, $SUBSTR, $INT, $REAL, $STRING, $EVAL, $BASENAME, $DIRNAME,
// $RANDOM_CHOICE, $RANDOM_INTEGER and $F[pdnxqabwuf]() are supported.
// Unlike HTCondor, which loops forever on A = $(B), B = $(A), expansion stops after a fixed
// number of substitutions with an error (the caller names the cycle, see findReferenceCycle).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace htcondor::config {

class MacroTable;

enum class MacroKind : uint8_t {
  Normal,  // $(NAME) or $(NAME:default)
  Env,
  RandomChoice,
  RandomInteger,
  Choice,
  Substr,
  Int,
  Real,
  String,
  Eval,
  Basename,
  Dirname,
  Filename,  // $F followed by any of the letters p d n x q a b w u f
};

// One reference in a text: text[begin, end) is "$NAME(body)".
struct MacroRef {
  MacroKind kind = MacroKind::Normal;
  size_t begin = 0;  // the '$'
  size_t body = 0;   // just inside '('
  size_t end = 0;    // just past ')'

  std::string_view func(std::string_view text) const { return text.substr(begin + 1, body - begin - 2); }
  std::string_view bodyText(std::string_view text) const { return text.substr(body, end - 1 - body); }
};

// Answers true for a reference the scan should step over (HTCondor's ConfigMacroBodyCheck).
using MacroSkip = std::function<bool(MacroKind, std::string_view body)>;

// The first reference at or after `from` that `skip` does not step over (next_config_macro).
std::optional<MacroRef> findMacro(std::string_view text, size_t from, const MacroSkip& skip = nullptr);

struct ExpandError {
  std::string message;
  bool tooDeep = false;  // the substitution limit was reached: probably a cycle
};

template <class T>
using ExpandResult = htcondor::Result<T, ExpandError>;

// expand_macro(): every reference, then $(DOLLAR).
ExpandResult<std::string> expandMacros(std::string_view text, const MacroTable& config);

// expand_self_macro(): only $(self) and $F...(self) (and $(NAME) for self = "<subsys or local
// name>.NAME"), as a definition "X = $(X) more" is read.
ExpandResult<std::string> expandSelf(std::string_view text, std::string_view self, const MacroTable& config);

// selective_expand_macro(): every $(NAME), $F...(NAME) and $ENV() reference whose name `keep`
// does not hold is expanded; other functions, $(DOLLAR) and the kept names stay as written.
// Also gives how many references stayed (HTCondor's skip count).
struct SelectiveExpansion {
  std::string text;
  int kept = 0;
};
ExpandResult<SelectiveExpansion> expandExcept(std::string_view text, const MacroTable& config,
                                              const std::function<bool(std::string_view name)>& keep);

// The names along a cycle of references starting at `name` ("A", "B", "A"), or empty if none
// is reachable. For the message when expansion gives up.
std::vector<std::string> findReferenceCycle(std::string_view name, const MacroTable& config);

}  // namespace htcondor::config
