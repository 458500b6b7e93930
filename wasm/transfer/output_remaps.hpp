// TransferOutputRemaps (filename_remap_find): "name = path; name2 = path2", where "\=" and "\;"
// escape the delimiters. A name maps by an exact rule, else through a rule for one of its parent
// directories; the result is remapped again, so rules chain (a cycle is an error).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace htcondor::transfer {

// Where the output `name` goes: the remapped path, or nullopt when no rule applies.
Result<std::optional<std::string>, std::string> remapOutput(std::string_view rules, std::string_view name);

}  // namespace htcondor::transfer
