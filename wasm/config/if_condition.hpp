// The conditions of "if" and "elif" lines (Test_config_if_expression in HTCondor's config.cpp).
// HTCondor supports only simple ones, and so does this: after $(...) expansion (an expansion to
// nothing is false) and an optional leading '!',
//   a number (non-zero is true), true / false, and yes / no / t / f;
//   "defined NAME" (defined and not empty), "defined <number or boolean>" (true);
//   "version <op> X.Y[.Z]" with op one of < <= == = != >= >, against the emulated release.
// Anything else is an error, as in HTCondor ("complex conditionals are not supported").
#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"

namespace htcondor::config {

class MacroTable;

// The condition's value, or why it is not a valid condition.
htcondor::Result<bool, std::string> testCondition(std::string_view condition, const MacroTable& config);

}  // namespace htcondor::config
