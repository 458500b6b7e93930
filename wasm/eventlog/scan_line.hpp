// The part of sscanf() HTCondor's event readers use (glibc's rules): white space in the format
// matches any run of white space, none included; other characters must match; %d, %lf and %s
// (with an optional width) skip white space first. The readers compare the count returned, so
// a line that matches only in part still fills what it got to.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <variant>

namespace htcondor::eventlog {

using ScanTarget = std::variant<int*, double*, std::string*>;

// The number of conversions made, or -1 (EOF) when the input ended before the first one.
int scanLine(std::string_view input, std::string_view format, std::initializer_list<ScanTarget> targets);

}  // namespace htcondor::eventlog
