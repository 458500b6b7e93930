// The few defaults of HTCondor's parameter table (param_info.in, 23.9.6) that finding a pool
// and its credentials depends on. The complete table, with subsystem defaults and metaknobs,
// replaces this list later; lookups already fall back to it as they will to the full table.
#pragma once

#include <optional>
#include <string_view>

namespace htcondor::config {

std::optional<std::string_view> defaultValue(std::string_view name);

}  // namespace htcondor::config
