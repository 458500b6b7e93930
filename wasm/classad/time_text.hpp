// The text forms of absolute and relative times, read and written as HTCondor does
// (ISO 8601 with a zone offset; [-][D+]HH:MM:SS). Times are shown in UTC, the zone the
// conformance corpus was recorded in.
#pragma once

#include <optional>
#include <string>

#include "classad/value.hpp"

namespace htcondor::classad {

// absTime("2003-01-25T09:00:00-06:00") at parse time; nullopt where HTCondor rejects the text.
std::optional<Value> absTimeFromText(std::string text);
// relTime("1+00:02:00") or relTime("2h3m"); nullopt where HTCondor rejects the text.
std::optional<Value> relTimeFromText(const std::string& text);

// "2023-11-14T22:13:20-00:00"
std::string absTimeText(AbsTime t);
// "1+01:01:01", "01:00", "-05", with fractional seconds as %g.
std::string relTimeText(double secs);

}  // namespace htcondor::classad
