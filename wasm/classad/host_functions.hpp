// Functions the host program adds to the ClassAd language (Python's classad.register): called
// with their arguments evaluated, they return a value; they are found after the built-ins, and
// registering a name again replaces the earlier function.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "classad/functions.hpp"

namespace htcondor::classad {

// Returns nullopt when the host function itself failed (the call's result is error).
using HostFunction = std::function<std::optional<Value>(const std::vector<Value>& args)>;

void registerHostFunction(std::string name, HostFunction fn);

// The Builtin that calls the host function named `name`, or null if there is none.
Builtin findHostFunction(std::string_view name);

// The function a call of `name` runs: a built-in or, failing that, a host function; null if none.
Builtin resolveFunction(std::string_view name);

}  // namespace htcondor::classad
