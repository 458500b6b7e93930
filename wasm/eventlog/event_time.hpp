// Event times as HTCondor reads and writes them: ISO 8601 text with HTCondor's lenient parser
// (iso8601_to_time), local or UTC broken-down time, and the EventTime attribute's text.
#pragma once

#include <cstdint>
#include <ctime>
#include <string>
#include <string_view>

namespace htcondor::eventlog {

struct ParsedTime {
  std::tm tm{};       // fields not in the text are -1
  int64_t usec = -1;  // -1: no seconds in the text, so no fraction either
  bool utc = false;   // ended in 'Z'
};

// iso8601_to_time: a date, a time or both; delimiters ':', '-' and 'T' are skipped.
ParsedTime parseIso8601(std::string_view text);

// Seconds since the epoch of a broken-down time, read as UTC or as local time (mktime, which
// also decides daylight saving time).
int64_t epochOf(std::tm tm, bool utc);
std::tm brokenDown(int64_t clock, bool utc);

// "2026-11-21T06:20:09", with ".mmm" when `usec` is not zero and "Z" when `utc`.
std::string isoDateTime(int64_t clock, int64_t usec, bool utc);

}  // namespace htcondor::eventlog
