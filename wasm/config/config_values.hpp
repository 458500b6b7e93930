// Typed readings of configuration values, as param_boolean() and friends read them.
#pragma once

#include <optional>
#include <string_view>

namespace htcondor::config {

// string_is_boolean_param(): true / false / 1 / 0 (any case, trailing whitespace allowed),
// else a ClassAd expression with a boolean or numeric value. Nothing if it is neither.
std::optional<bool> parseBoolean(std::string_view text);

// param_boolean_crufty(): a value starting with 't' or 'f' (any case) decides at once.
std::optional<bool> parseCruftyBoolean(std::string_view text);

}  // namespace htcondor::config
