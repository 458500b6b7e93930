#include "classad/time_text.hpp"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>

#include "classad/x86_conversions.hpp"

namespace htcondor::classad {

namespace {

void skipNonDigits(const std::string& s, int& i) {
  while (i < static_cast<int>(s.size()) && !std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
}

void skipSpaceBackwards(const std::string& s, int& i) {
  while (i >= 0 && std::isspace(static_cast<unsigned char>(s[i]))) --i;
}

int parseInt(std::string_view digits) {
  int n = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), n, 10);
  return n;
}

// Digits read backwards from i (moving i), returned in reading order.
std::string digitsBackwards(const std::string& s, int& i) {
  int end = i;
  while (i >= 0 && std::isdigit(static_cast<unsigned char>(s[i]))) --i;
  return s.substr(static_cast<size_t>(i + 1), static_cast<size_t>(end - i));
}

bool takeZone(std::string& text, int& hours, int& minutes) {
  const size_t n = text.size();
  std::string zone = text.substr(n - 5, 5);
  if ((zone[0] != '+' && zone[0] != '-') || !std::isdigit(static_cast<unsigned char>(zone[1])) ||
      !std::isdigit(static_cast<unsigned char>(zone[2])) || !std::isdigit(static_cast<unsigned char>(zone[3])) ||
      !std::isdigit(static_cast<unsigned char>(zone[4]))) {
    return false;
  }
  text.erase(n - 5, 5);
  int sign = zone[0] == '+' ? 1 : -1;
  hours = sign * parseInt(std::string_view(zone).substr(1, 2));
  minutes = sign * parseInt(std::string_view(zone).substr(3, 2));
  return true;
}

// Days since 1970-01-01 of a proleptic Gregorian date (months may overflow, as mktime allows).
int64_t daysFromCivil(int64_t y, int64_t m, int64_t d) {
  y += m / 12;
  m %= 12;
  if (m < 0) { m += 12; --y; }
  ++m;  // 1..12
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

}  // namespace

std::optional<Value> absTimeFromText(std::string text) {
  bool hasZone = false;
  int zoneHours = 0;
  int zoneMinutes = 0;
  int len = static_cast<int>(text.size());
  int i = len - 1;
  skipSpaceBackwards(text, i);
  if (i > 0 && (text[static_cast<size_t>(i)] == 'z' || text[static_cast<size_t>(i)] == 'Z')) {
    hasZone = true;
    text.erase(static_cast<size_t>(i), 1);
  } else if (len > 5 && (text[static_cast<size_t>(len - 5)] == '+' || text[static_cast<size_t>(len - 5)] == '-')) {
    hasZone = takeZone(text, zoneHours, zoneMinutes);
  } else if (len > 6 && (text[static_cast<size_t>(len - 6)] == '+' || text[static_cast<size_t>(len - 6)] == '-') &&
             text[static_cast<size_t>(len - 3)] == ':') {
    text.erase(static_cast<size_t>(len - 3), 1);
    hasZone = takeZone(text, zoneHours, zoneMinutes);
  }
  len = static_cast<int>(text.size());
  i = 0;
  skipNonDigits(text, i);
  if (i > len - 4) return std::nullopt;  // a four-digit year is required
  // Absent fields stay 0, as in HTCondor's zeroed struct tm: month 0 is January, day 0 the
  // last day of the month before (mktime normalises it).
  int fields[6] = {0, 0, 0, 0, 0, 0};  // year, month, day, hour, minute, second
  bool monthGiven = false;
  fields[0] = std::atoi(text.substr(static_cast<size_t>(i), 4).c_str());
  i += 4;
  for (int f = 1; f < 6; ++f) {
    skipNonDigits(text, i);
    if (i <= len - 2) {
      fields[f] = std::atoi(text.substr(static_cast<size_t>(i), 2).c_str());
      if (f == 1) monthGiven = true;
      i += 2;
    }
  }
  skipNonDigits(text, i);
  if (i <= len - 1 && std::isdigit(static_cast<unsigned char>(text[static_cast<size_t>(i)]))) return std::nullopt;
  const int64_t month = monthGiven ? fields[1] - 1 : 0;
  const int64_t days = daysFromCivil(fields[0], month, 1) + fields[2] - 1;
  int64_t secs = days * 86400 + fields[3] * 3600 + fields[4] * 60 + fields[5];
  if (secs == -1) return std::nullopt;
  const int offset = hasZone ? zoneHours * 3600 + zoneMinutes * 60 : 0;
  secs -= offset;
  return Value::absTime({secs, offset});
}

std::optional<Value> relTimeFromText(const std::string& text) {
  const auto at = [&](int i) { return text[static_cast<size_t>(i)]; };
  double secs = 0;
  int mins = 0, hrs = 0, days = 0;
  bool negative = false;
  int i = static_cast<int>(text.size()) - 1;
  skipSpaceBackwards(text, i);
  if (i >= 0 && (at(i) == 's' || at(i) == 'S' || std::isdigit(static_cast<unsigned char>(at(i))))) {
    if (at(i) == 's' || at(i) == 'S') --i;
    skipSpaceBackwards(text, i);
    std::string number = digitsBackwards(text, i);
    if (i >= 0 && at(i) == '.') {
      --i;
      number = digitsBackwards(text, i) + "." + number;
    }
    secs = std::strtod(number.c_str(), nullptr);
  }
  const auto unit = [&](char lower, char sep, int& out) {
    skipSpaceBackwards(text, i);
    if (i >= 0 && (std::tolower(static_cast<unsigned char>(at(i))) == lower || at(i) == sep)) {
      --i;
      skipSpaceBackwards(text, i);
      out = parseInt(digitsBackwards(text, i));
    }
  };
  unit('m', ':', mins);
  unit('h', ':', hrs);
  unit('d', '+', days);
  skipSpaceBackwards(text, i);
  if (i >= 0 && at(i) == '-') {
    negative = true;
    --i;
  }
  skipSpaceBackwards(text, i);
  if (i >= 0 && !std::isspace(static_cast<unsigned char>(at(i)))) return std::nullopt;
  const double total = days * 86400.0 + hrs * 3600.0 + mins * 60.0 + secs;
  return Value::relTime(negative ? -total : total);
}

std::string absTimeText(AbsTime t) {
  int64_t local = t.secs + t.offset;
  int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
  int64_t rem = local - days * 86400;
  // civil from days (Howard Hinnant's algorithm)
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const int64_t doe = days - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t y = yoe + era * 400;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const int64_t m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
  int zone = t.offset;
  char sign = zone > 0 ? '+' : '-';
  if (zone < 0) zone = -zone;
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lld%c%02d:%02d", static_cast<long long>(y),
                static_cast<long long>(m), static_cast<long long>(d), static_cast<long long>(rem / 3600),
                static_cast<long long>(rem / 60 % 60), static_cast<long long>(rem % 60), sign, zone / 3600,
                (zone / 60) % 60);
  return buf;
}

std::string relTimeText(double rsecs) {
  std::string out;
  if (rsecs < 0) {
    out += '-';
    rsecs = -rsecs;
  }
  const double fraction = rsecs - std::floor(rsecs);
  int total = x86ToInt32(rsecs);
  int hrs = total % 86400;
  int mins = hrs % 3600;
  const double secs = (mins % 60) + fraction;
  const int days = total / 86400;
  hrs /= 3600;
  mins /= 60;
  char buf[128];
  const bool whole = fraction == 0;
  if (days) {
    if (whole) std::snprintf(buf, sizeof buf, "%d+%02d:%02d:%02d", days, hrs, mins, static_cast<int>(secs));
    else std::snprintf(buf, sizeof buf, "%d+%02d:%02d:%02g", days, hrs, mins, secs);
  } else if (hrs) {
    if (whole) std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", hrs, mins, static_cast<int>(secs));
    else std::snprintf(buf, sizeof buf, "%02d:%02d:%02g", hrs, mins, secs);
  } else if (mins) {
    if (whole) std::snprintf(buf, sizeof buf, "%02d:%02d", mins, static_cast<int>(secs));
    else std::snprintf(buf, sizeof buf, "%02d:%02g", mins, secs);
  } else {
    if (whole) std::snprintf(buf, sizeof buf, "%02d", static_cast<int>(secs));
    else std::snprintf(buf, sizeof buf, "%02g", secs);
  }
  return out + buf;
}

}  // namespace htcondor::classad
