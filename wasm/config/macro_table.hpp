// What macro expansion and if-conditions read a table of definitions through: the raw value
// of a name (as HTCondor's lookup_macro() finds it, defaults included), the environment, and
// the context ($F, "if version", self references under a prefix). The configuration (Config)
// and the submit description's macro set (submit/submit_macros.hpp) both implement it, so the
// same expansion code serves both, as HTCondor's expand_macro() serves both MACRO_SETs.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/release.hpp"

namespace htcondor::config {

// The process environment in its own order (getenv() takes the first match, and _CONDOR_
// overrides apply in this order).
using Environment = std::vector<std::pair<std::string, std::string>>;

// getenv(): the first binding of `name`.
inline std::optional<std::string_view> getenvIn(const Environment& environment, std::string_view name) {
  for (const auto& [key, value] : environment)
    if (key == name) return value;
  return std::nullopt;
}

struct Context {
  std::string subsystem = "TOOL";
  std::string localName;
  Release release = kDefaultRelease;  // what "if version >= X" compares with
};

class MacroTable {
 public:
  virtual ~MacroTable() = default;
  // lookup_macro(): the unexpanded value $(NAME) starts from, defaults included.
  virtual std::optional<std::string_view> raw(std::string_view name) const = 0;
  // getenv() on the environment the table was given.
  virtual std::optional<std::string_view> getenv(std::string_view name) const = 0;
  virtual const Context& context() const = 0;
};

}  // namespace htcondor::config
