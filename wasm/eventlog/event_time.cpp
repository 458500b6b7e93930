#include "eventlog/event_time.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>

#include "core/calendar.hpp"
#include "eventlog/number_text.hpp"

namespace htcondor::eventlog {

namespace {

// atoi() of a few characters: blanks, a sign, then digits up to the first other character.
int atoiOf(std::string_view text) {
  size_t i = 0;
  while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
  bool negative = false;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) negative = text[i++] == '-';
  int value = 0;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) value = value * 10 + (text[i++] - '0');
  return negative ? -value : value;
}

// get_next_bit: skip delimiters, then take exactly `count` characters (fewer: false).
bool nextBit(std::string_view text, size_t& pos, size_t count, int& out) {
  while (pos < text.size() && (text[pos] == ':' || text[pos] == '-' || text[pos] == 'T')) ++pos;
  size_t take = std::min(count, text.size() - pos);
  out = atoiOf(text.substr(pos, take));
  pos += take;
  return take == count;
}

}  // namespace

ParsedTime parseIso8601(std::string_view text) {
  ParsedTime parsed;
  std::tm& tm = parsed.tm;
  tm.tm_year = tm.tm_wday = tm.tm_yday = tm.tm_mon = tm.tm_mday = tm.tm_hour = tm.tm_min = tm.tm_sec = -1;
  tm.tm_isdst = -1;
  // The C string ends at a NUL; the parser never looks past it.
  text = text.substr(0, text.find('\0'));
  if (text.size() <= 2) return parsed;
  bool beginsWithTime = text[0] == 'T' || text[2] == ':';
  size_t pos = 0;
  int value = 0;
  if (!beginsWithTime) {
    if (nextBit(text, pos, 4, value)) tm.tm_year = value - 1900;
    if (nextBit(text, pos, 2, value)) tm.tm_mon = value - 1;
    if (nextBit(text, pos, 2, value)) tm.tm_mday = value;
  }
  if (nextBit(text, pos, 2, value)) tm.tm_hour = value;
  if (nextBit(text, pos, 2, value)) tm.tm_min = value;
  if (nextBit(text, pos, 2, value)) {
    tm.tm_sec = value;
    int64_t fraction = 0;
    if (pos < text.size() && text[pos] == '.') {
      ++pos;
      int digits = 0;
      while (pos < text.size() && std::isdigit(static_cast<unsigned char>(text[pos]))) {
        if (digits <= 6) fraction = fraction * 10 + (text[pos] - '0');  // more are dropped below: no overflow
        ++pos;
        ++digits;
      }
      static constexpr int64_t kScale[] = {1000000, 100000, 10000, 1000, 100, 10};
      if (digits < 6) fraction *= kScale[digits];
      else if (digits > 6) fraction = 0;  // more than microseconds: unsupported, as HTCondor
    }
    parsed.usec = fraction;
  }
  parsed.utc = pos < text.size() && std::toupper(static_cast<unsigned char>(text[pos])) == 'Z';
  return parsed;
}


int64_t epochOf(std::tm tm, bool utc) {
  if (utc) return utcEpoch(tm);
  // mktime asks the runtime's time zone (in WebAssembly, JavaScript's Date) and is slow. Zone
  // offsets change at quarter hours at the finest, and events come in time order: the last
  // quarter's offset is reused.
  static thread_local std::tm last{};
  static thread_local int64_t lastOffset = 0;
  static thread_local bool known = false;
  if (!known || tm.tm_year != last.tm_year || tm.tm_mon != last.tm_mon || tm.tm_mday != last.tm_mday ||
      tm.tm_hour != last.tm_hour || tm.tm_min / 15 != last.tm_min / 15) {
    std::tm local = tm;
    local.tm_isdst = -1;
    lastOffset = static_cast<int64_t>(mktime(&local)) - utcEpoch(tm);
    last = tm;
    known = true;
  }
  return utcEpoch(tm) + lastOffset;
}

namespace {

// The UTC broken-down time of `clock` (civil date from days, Howard Hinnant's algorithm).
std::tm utcBrokenDown(int64_t clock) {
  int64_t days = clock / 86400, secs = clock % 86400;
  if (secs < 0) {
    secs += 86400;
    --days;
  }
  const int64_t z = days + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t dayOfEra = z - era * 146097;
  const int64_t yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
  const int64_t dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
  const int64_t mp = (5 * dayOfYear + 2) / 153;
  const int64_t month = mp < 10 ? mp + 3 : mp - 9;
  std::tm tm{};
  tm.tm_year = static_cast<int>(yearOfEra + era * 400 + (month <= 2) - 1900);
  tm.tm_mon = static_cast<int>(month - 1);
  tm.tm_mday = static_cast<int>(dayOfYear - (153 * mp + 2) / 5 + 1);
  tm.tm_hour = static_cast<int>(secs / 3600);
  tm.tm_min = static_cast<int>(secs % 3600 / 60);
  tm.tm_sec = static_cast<int>(secs % 60);
  return tm;
}

}  // namespace

std::tm brokenDown(int64_t clock, bool utc) {
  if (utc) return utcBrokenDown(clock);
  // localtime asks the runtime's time zone (in WebAssembly, JavaScript's Date) and is slow;
  // zone offsets change at quarter hours at the finest, so each quarter's offset is asked once.
  static thread_local int64_t lastQuarter = INT64_MIN;
  static thread_local int64_t lastOffset = 0;
  const int64_t quarter = clock >= 0 ? clock / 900 : (clock - 899) / 900;
  if (quarter != lastQuarter) {
    std::tm local{};
    const time_t t = static_cast<time_t>(clock);
    localtime_r(&t, &local);
    lastOffset = utcEpoch(local) - clock;
    lastQuarter = quarter;
  }
  return utcBrokenDown(clock + lastOffset);
}

std::string isoDateTime(int64_t clock, int64_t usec, bool utc) {
  const std::tm tm = brokenDown(clock, utc);
  std::string out;
  out.reserve(24);
  appendPadded(out, tm.tm_year + 1900, 4);
  out += '-';
  appendPadded(out, tm.tm_mon + 1, 2);
  out += '-';
  appendPadded(out, tm.tm_mday, 2);
  out += 'T';
  appendPadded(out, tm.tm_hour, 2);
  out += ':';
  appendPadded(out, tm.tm_min, 2);
  out += ':';
  appendPadded(out, tm.tm_sec, 2);
  if (usec != 0 && usec / 1000 <= 999999) {
    out += '.';
    appendPadded(out, usec / 1000, 3);
  }
  if (utc) out += 'Z';
  return out;
}

}  // namespace htcondor::eventlog
