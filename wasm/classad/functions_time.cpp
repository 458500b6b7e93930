// Time functions: time, currentTime, timeZoneOffset, dayTime, absTime and relTime (on values;
// string literals are folded by the parser), getYear ... getSeconds, splitTime, formatTime and
// interval. The local time zone is UTC, as when the conformance corpus was recorded. HTCondor
// reads many of these values as C ints (32 bits) on x86-64; that truncation is reproduced.
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>

#include "classad/classad.hpp"
#include "classad/function_support.hpp"
#include "classad/x86_conversions.hpp"

namespace htcondor::classad {

namespace {

// An int64 read as a C int, as HTCondor's IsIntegerValue(int&) does (two's complement wrap).
int32_t asCInt(int64_t i) { return static_cast<int32_t>(static_cast<uint32_t>(static_cast<uint64_t>(i))); }

int64_t floorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// Days since 1970-01-01 of a proleptic Gregorian date; the month (0-based) may be out of range.
int64_t daysFromCivil(int64_t year, int64_t month0, int64_t day) {
  year += floorDiv(month0, 12);
  const int64_t m = month0 - floorDiv(month0, 12) * 12 + 1;  // 1..12
  const int64_t y = year - (m <= 2);
  const int64_t era = floorDiv(y, 400);
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

// The fields of C's struct tm that matter here (tm_isdst, tm_gmtoff are 0, tm_zone null).
struct Tm {
  int sec = 0, min = 0, hour = 0, mday = 0, mon = 0, year = 0, wday = 0, yday = 0;
};

// gmtime: the UTC calendar fields of an instant.
Tm gmTime(int64_t secs) {
  const int64_t days = floorDiv(secs, 86400);
  const int64_t rem = secs - days * 86400;
  const int64_t z = days + 719468;
  const int64_t era = floorDiv(z, 146097);
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t month = mp < 10 ? mp + 3 : mp - 9;  // 1..12
  const int64_t year = yoe + era * 400 + (month <= 2);
  Tm tm;
  tm.sec = static_cast<int>(rem % 60);
  tm.min = static_cast<int>(rem / 60 % 60);
  tm.hour = static_cast<int>(rem / 3600);
  tm.mday = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  tm.mon = static_cast<int>(month - 1);
  tm.year = asCInt(year - 1900);
  tm.wday = static_cast<int>(floorDiv(days + 4, 7) * -7 + days + 4);
  tm.yday = static_cast<int>(days - daysFromCivil(year, 0, 1));
  return tm;
}

int64_t now() { return static_cast<int64_t>(std::time(nullptr)); }

// ---- time, currentTime, timeZoneOffset, dayTime ------------------------------------------

bool epochTime(std::string_view, const Args& args, EvalState&, Value& result) {
  result = args.empty() ? Value::integer(now()) : Value::error();
  return true;
}

bool currentTime(std::string_view, const Args& args, EvalState&, Value& result) {
  result = args.empty() ? Value::absTime({now(), 0}) : Value::error();
  return true;
}

bool timeZoneOffset(std::string_view, const Args& args, EvalState&, Value& result) {
  result = args.empty() ? Value::relTime(0) : Value::error();  // UTC
  return true;
}

bool dayTime(std::string_view, const Args& args, EvalState&, Value& result) {
  if (!args.empty()) return errorResult(result);
  const Tm tm = gmTime(now());
  result = Value::relTime(tm.hour * 3600 + tm.min * 60 + tm.sec);
  return true;
}

// ---- absTime, relTime on values --------------------------------------------------------------

// The zone offset argument of absTime: an integer, real or relative time, read as a C int.
bool offsetArg(const Value& v, int& offset) {
  if (v.isInteger()) offset = asCInt(v.asInteger());
  else if (v.isReal()) offset = x86ToInt32(v.asReal());
  else if (v.isRelTime()) offset = x86ToInt32(v.asRelTime());
  else return false;
  return true;
}

// absTime(value [, offset]) and relTime(value), as HTCondor's convTime: numbers are seconds
// (integers and absolute instants read as C ints), a non-literal string is passed through by
// absTime and is zero to relTime, an explicit offset of -1 on an integer is a failure.
template <bool Relative>
bool convTime(std::string_view name, const Args& args, EvalState& state, Value& result) {
  if (args.empty() && !Relative) return currentTime(name, args, state, result);
  if (args.empty() || args.size() > 2) return errorResult(result);
  Value arg;
  if (!evalArg(args, 0, state, arg)) return failResult(result);
  int offset = 0;  // the local zone's offset: UTC
  if (args.size() == 2) {
    Value second;
    if (!evalArg(args, 1, state, second)) return failResult(result);
    if (Relative || !offsetArg(second, offset)) return errorResult(result);
  }
  switch (arg.type()) {
    case Value::Type::Undefined: return undefinedResult(result);
    case Value::Type::Integer: {
      const int32_t secs = asCInt(arg.asInteger());
      if (Relative) {
        result = Value::relTime(secs);
        return true;
      }
      if (offset == -1) return failResult(result);  // HTCondor's "no offset" marker
      result = Value::absTime({secs, offset});
      return true;
    }
    case Value::Type::Real:
      result = Relative ? Value::relTime(arg.asReal()) : Value::absTime({x86ToInt32(arg.asReal()), offset});
      return true;
    case Value::Type::String:
      result = Relative ? Value::relTime(0) : arg;
      return true;
    case Value::Type::AbsTime:
      result = Relative ? Value::relTime(static_cast<double>(arg.asAbsTime().secs)) : arg;
      return true;
    case Value::Type::RelTime:
      result = Relative ? arg : Value::absTime({x86ToInt32(arg.asRelTime()), offset});
      return true;
    default:
      result = Value::error();
      return true;
  }
}

// ---- getYear ... getSeconds --------------------------------------------------------------------

enum class Field { Year, Month, DayOfYear, DayOfMonth, DayOfWeek, Days, Hours, Minutes, Seconds };

// A calendar field of an absolute time (in UTC, whatever its offset) or a component of a
// relative time (whole seconds read as a C int); error for the other combinations.
template <Field F>
bool getField(std::string_view, const Args& args, EvalState& state, Value& result) {
  Value arg;
  if (auto done = evalSoleArg(args, state, arg, result)) return *done;
  result = Value::error();
  if (arg.isAbsTime()) {
    const Tm tm = gmTime(arg.asAbsTime().secs);
    const std::array<int64_t, 9> fields = {
        int64_t{tm.year} + 1900, tm.mon + 1, tm.yday, tm.mday, tm.wday, 0, tm.hour, tm.min, tm.sec};
    if (F != Field::Days) result = Value::integer(fields[static_cast<size_t>(F)]);
  } else if (arg.isRelTime()) {
    const int64_t secs = x86ToInt32(arg.asRelTime());
    if (F == Field::Days) result = Value::integer(secs / 86400);
    if (F == Field::Hours) result = Value::integer(secs % 86400 / 3600);
    if (F == Field::Minutes) result = Value::integer(secs % 3600 / 60);
    if (F == Field::Seconds) result = Value::integer(secs % 60);
  }
  return true;
}

// ---- splitTime ---------------------------------------------------------------------------------

void insertInt(ClassAd& ad, const char* name, int64_t v) { ad.insert(name, std::make_shared<Literal>(Value::integer(v))); }

std::shared_ptr<ClassAd> splitAbsTime(AbsTime t) {
  const Tm tm = gmTime(t.secs + t.offset);
  auto ad = std::make_shared<ClassAd>();
  ad->insert("Type", std::make_shared<Literal>(Value::string("AbsoluteTime")));
  insertInt(*ad, "Year", int64_t{tm.year} + 1900);
  insertInt(*ad, "Month", tm.mon + 1);
  insertInt(*ad, "Day", tm.mday);
  insertInt(*ad, "Hours", tm.hour);
  insertInt(*ad, "Minutes", tm.min);
  insertInt(*ad, "Seconds", tm.sec);
  insertInt(*ad, "Offset", t.offset);
  return ad;
}

// Days, hours, minutes and (fractional) seconds; only the leading non-zero unit carries the sign.
std::shared_ptr<ClassAd> splitRelTime(double rsecs) {
  const bool negative = rsecs < 0;
  if (negative) rsecs = -rsecs;
  int days = x86ToInt32(rsecs);
  int hours = days % 86400;
  int mins = hours % 3600;
  double secs = (mins % 60) + (rsecs - std::floor(rsecs));
  days /= 86400;
  hours /= 3600;
  mins /= 60;
  if (negative) {
    if (days > 0) days = -days;
    else if (hours > 0) hours = -hours;
    else if (mins > 0) mins = -mins;
    else secs = -secs;
  }
  auto ad = std::make_shared<ClassAd>();
  ad->insert("Type", std::make_shared<Literal>(Value::string("RelativeTime")));
  insertInt(*ad, "Days", days);
  insertInt(*ad, "Hours", hours);
  insertInt(*ad, "Minutes", mins);
  ad->insert("Seconds", std::make_shared<Literal>(Value::real(secs)));
  return ad;
}

// The instant a number stands for in splitTime and formatTime: seconds read as a C int, shown
// in the local zone (UTC).
bool numberAsAbsTime(const Value& v, AbsTime& t) {
  if (v.isInteger()) t = {asCInt(v.asInteger()), 0};
  else if (v.isReal()) t = {x86ToInt32(v.asReal()), 0};
  else if (v.isAbsTime()) t = v.asAbsTime();
  else return false;
  return true;
}

bool splitTime(std::string_view, const Args& args, EvalState& state, Value& result) {
  Value arg;
  if (auto done = evalSoleArg(args, state, arg, result)) return *done;
  AbsTime t;
  if (arg.isUndefined()) result = Value::undefined();
  else if (numberAsAbsTime(arg, t)) result = Value::classAd(splitAbsTime(t));
  else if (arg.isRelTime()) result = Value::classAd(splitRelTime(arg.asRelTime()));
  else result = Value::error();
  return true;
}

// ---- formatTime --------------------------------------------------------------------------------

// HTCondor's own weekday and day-of-year (its "fixed" day numbers, C integer division).
void dayNumbers(int64_t year, int64_t month, int64_t day, int& weekday, int& yearday) {
  const auto fixed = [](int64_t y, int64_t m, int64_t d) {
    const bool leap = y % 4 == 0 && y % 400 != 100 && y % 400 != 200 && y % 400 != 300;
    const int64_t adjust = m <= 2 ? 0 : leap ? -1 : -2;
    return asCInt(365 * (y - 1) + (y - 1) / 4 - (y - 1) / 100 + (y - 1) / 400 + (367 * m - 362) / 12 + adjust + d);
  };
  const int32_t f = fixed(year, month, day);
  weekday = f % 7;
  yearday = asCInt(int64_t{f} - fixed(year, 1, 1));
}

// An integer attribute of a split-time ad, less `base`; 0 when absent or not an integer.
int intAttr(const ClassAd& ad, std::string_view name, int64_t base = 0) {
  const std::optional<Value> v = evaluateAttr(ad, name);
  return v && v->isInteger() ? asCInt(int64_t{asCInt(v->asInteger())} - base) : 0;
}

// The struct tm formatTime hands to strftime: the split time's fields, HTCondor's weekday and
// day of year, no zone.
Tm formatFields(const ClassAd& split) {
  Tm tm;
  tm.sec = intAttr(split, "Seconds");
  tm.min = intAttr(split, "Minutes");
  tm.hour = intAttr(split, "Hours");
  tm.mday = intAttr(split, "Day");
  tm.mon = intAttr(split, "Month", 1);
  tm.year = intAttr(split, "Year", 1900);
  dayNumbers(int64_t{tm.year} + 1900, int64_t{tm.mon} + 1, tm.mday, tm.wday, tm.yday);
  return tm;
}

// glibc's strftime in the C locale with TZ=UTC (the oracle's), including its GNU flags
// (_ - 0 ^ #), field widths, E/O modifiers, and its echo of unknown conversions.
class Strftime {
 public:
  explicit Strftime(const Tm& tm) : tm_(tm) {}

  std::string format(std::string_view fmt) {
    std::string out;
    for (size_t i = 0; i < fmt.size(); ++i) {
      if (fmt[i] != '%') {
        out += fmt[i];
        continue;
      }
      i = conversion(fmt, i, out);
    }
    return out;
  }

 private:
  struct Spec {
    char pad = 0;  // '_', '-', '0' or none
    int width = -1;
    bool upper = false, lower = false, swapCase = false;
    char modifier = 0;
  };

  static constexpr std::array<const char*, 7> kDays = {"Sunday", "Monday", "Tuesday", "Wednesday",
                                                       "Thursday", "Friday", "Saturday"};
  static constexpr std::array<const char*, 12> kMonths = {"January", "February", "March",     "April",
                                                          "May",     "June",     "July",      "August",
                                                          "September", "October", "November", "December"};

  // glibc's add/cpy: left-pads to the width (zeros only with the 0 flag), then the text.
  static void put(std::string& out, std::string text, const Spec& s) {
    if (s.lower) {
      for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (s.upper) {
      for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    const int delta = s.width - static_cast<int>(text.size());
    if (delta > 0) out.append(static_cast<size_t>(delta), s.pad == '0' ? '0' : ' ');
    out += text;
  }

  // glibc's do_number: at least `minDigits` digits (or the width), zero- or space-padded.
  static void number(std::string& out, int minDigits, int64_t value, Spec s) {
    const int digits = minDigits > s.width ? minDigits : s.width;
    const bool negative = value < 0;
    const uint64_t magnitude = negative ? 0 - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
    std::string text = std::to_string(magnitude);
    if (negative) text.insert(text.begin(), '-');
    const int padding = digits - static_cast<int>(text.size());
    if (s.pad != '-' && padding > 0) {
      if (s.pad == '_') {
        out.append(static_cast<size_t>(padding), ' ');
        s.width = s.width > padding ? s.width - padding : 0;
      } else {
        if (negative) {
          out += '-';
          text.erase(0, 1);
        }
        out.append(static_cast<size_t>(padding), '0');
        s.width = 0;
      }
    }
    put(out, text, s);
  }

  static std::string name(const char* const* names, int count, int index, bool abbreviated) {
    if (index < 0 || index >= count) return "?";
    const std::string full = names[index];
    return abbreviated ? full.substr(0, 3) : full;
  }

  // The ISO 8601 week-based year and week (glibc's iso_week_days).
  void isoWeek(int64_t& year, int& week) const {
    const auto isoDays = [](int yday, int wday) { return yday - (yday - wday + 4 + 378) % 7 + 3; };
    const auto isLeap = [](int64_t y) { return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0); };
    year = int64_t{tm_.year} + 1900;
    int days = isoDays(tm_.yday, tm_.wday);
    if (days < 0) {
      --year;
      days = isoDays(tm_.yday + (365 + isLeap(year)), tm_.wday);
    } else {
      const int next = isoDays(tm_.yday - (365 + isLeap(year)), tm_.wday);
      if (next >= 0) {
        ++year;
        days = next;
      }
    }
    week = days / 7 + 1;
  }

  // Formats the conversion starting at fmt[start] == '%'; returns the index of its last char.
  size_t conversion(std::string_view fmt, size_t start, std::string& out) {
    Spec s;
    size_t i = start + 1;
    for (; i < fmt.size(); ++i) {
      const char c = fmt[i];
      if (c == '_' || c == '-' || c == '0') s.pad = c;
      else if (c == '^') s.upper = true;
      else if (c == '#') s.swapCase = true;
      else break;
    }
    if (i < fmt.size() && fmt[i] >= '0' && fmt[i] <= '9') {
      s.width = 0;
      for (; i < fmt.size() && fmt[i] >= '0' && fmt[i] <= '9'; ++i) {
        s.width = s.width > 214748363 ? 2147483647 : s.width * 10 + (fmt[i] - '0');
      }
    }
    if (i < fmt.size() && (fmt[i] == 'E' || fmt[i] == 'O')) s.modifier = fmt[i++];
    if (i >= fmt.size()) {  // '%' at the end: echoed as written
      put(out, std::string(fmt.substr(start)), s);
      return fmt.size();
    }
    if (!convert(fmt[i], s, out)) {
      // Unknown or ill-modified: echo from the last '%' (glibc scans back for it).
      const size_t from = fmt.rfind('%', i);
      put(out, std::string(fmt.substr(from, i - from + 1)), s);
    }
    return i;
  }

  void sub(std::string_view fmt, const Spec& s, std::string& out) {
    std::string text = Strftime(tm_).format(fmt);
    Spec outer = s;
    outer.lower = false;  // glibc only upper-cases a subformat
    put(out, text, outer);
  }

  // One conversion character; false for glibc's bad_format.
  bool convert(char c, Spec& s, std::string& out) {  // may change s: a rejected one is echoed with it
    const char m = s.modifier;
    const int hour12 = tm_.hour > 12 ? tm_.hour - 12 : tm_.hour == 0 ? 12 : tm_.hour;
    const int64_t year = int64_t{tm_.year} + 1900;
    const auto upperIfSwapped = [&] {
      if (s.swapCase) {
        s.upper = true;
        s.lower = false;
      }
    };
    switch (c) {
      case '%':
        if (m) return false;
        put(out, "%", s);
        return true;
      case 'a':
      case 'A':
        if (m) return false;
        upperIfSwapped();
        put(out, name(kDays.data(), 7, tm_.wday, c == 'a'), s);
        return true;
      case 'b':
      case 'h':
      case 'B':
        if (c != 'B') upperIfSwapped();  // before the check: glibc echoes "%#Eb" upper-cased
        if (m == 'E') return false;
        upperIfSwapped();
        put(out, name(kMonths.data(), 12, tm_.mon, c != 'B'), s);
        return true;
      case 'c':
        if (m == 'O') return false;
        sub("%a %b %e %H:%M:%S %Y", s, out);
        return true;
      case 'C':
        number(out, 1, year / 100 - (year % 100 < 0), s);
        return true;
      case 'x':
        if (m == 'O') return false;
        sub("%m/%d/%y", s, out);
        return true;
      case 'D':
        if (m) return false;
        sub("%m/%d/%y", s, out);
        return true;
      case 'F':
        if (m) return false;
        sub("%Y-%m-%d", s, out);
        return true;
      case 'R':
        sub("%H:%M", s, out);
        return true;
      case 'r':
        sub("%I:%M:%S %p", s, out);
        return true;
      case 'T':
        sub("%H:%M:%S", s, out);
        return true;
      case 'X':
        if (m == 'O') return false;
        sub("%H:%M:%S", s, out);
        return true;
      case 'n':
        put(out, "\n", s);
        return true;
      case 't':
        put(out, "\t", s);
        return true;
      case 'P':
      case 'p':
        if (c == 'P') s.lower = true;
        if (s.swapCase) {
          s.upper = false;
          s.lower = true;
        }
        put(out, tm_.hour > 11 ? "PM" : "AM", s);
        return true;
      case 'Z':
        if (s.swapCase) {
          s.upper = false;
          s.lower = true;
        }
        put(out, "UTC", s);
        return true;
      case 'z':
        put(out, "+", s);  // the offset is 0: no tm_gmtoff
        number(out, 4, 0, s);
        return true;
      case 's':  // never zero-padded after the sign: only the width pads it
        put(out,
            std::to_string(daysFromCivil(year, tm_.mon, tm_.mday) * 86400 + int64_t{tm_.hour} * 3600 +
                           int64_t{tm_.min} * 60 + tm_.sec),
            s);
        return true;
      case 'e':
      case 'k':
      case 'l':
        if (m == 'E') return false;
        if (s.pad != '0' && s.pad != '-') s.pad = '_';
        number(out, 2, c == 'e' ? tm_.mday : c == 'k' ? tm_.hour : hour12, s);
        return true;
      case 'u':
        number(out, 1, (tm_.wday - 1 + 7) % 7 + 1, s);
        return true;
      case 'Y':
        if (m == 'O') return false;
        number(out, 1, year, s);
        return true;
      case 'y':
        number(out, 2, (tm_.year % 100 + 100) % 100, s);
        return true;
      case 'V':
      case 'g':
      case 'G': {
        if (m == 'E') return false;
        int64_t isoYear = 0;
        int week = 0;
        isoWeek(isoYear, week);
        if (c == 'g') number(out, 2, (isoYear % 100 + 100) % 100, s);
        else if (c == 'G') number(out, 1, isoYear, s);
        else number(out, 2, week, s);
        return true;
      }
      default:
        return plainNumber(c, s, out);
    }
  }

  // The numeric conversions that reject only the E modifier.
  bool plainNumber(char c, const Spec& s, std::string& out) const {
    int digits = 2;
    int64_t v = 0;
    switch (c) {
      case 'd': v = tm_.mday; break;
      case 'H': v = tm_.hour; break;
      case 'I': v = tm_.hour > 12 ? tm_.hour - 12 : tm_.hour == 0 ? 12 : tm_.hour; break;
      case 'j': digits = 3; v = int64_t{tm_.yday} + 1; break;
      case 'M': v = tm_.min; break;
      case 'm': v = int64_t{tm_.mon} + 1; break;
      case 'S': v = tm_.sec; break;
      case 'U': v = (tm_.yday - tm_.wday + 7) / 7; break;
      case 'W': v = (tm_.yday - (tm_.wday - 1 + 7) % 7 + 7) / 7; break;
      case 'w': digits = 1; v = tm_.wday; break;
      default: return false;
    }
    if (s.modifier == 'E') return false;
    number(out, digits, v, s);
    return true;
  }

  Tm tm_;
};

// formatTime([time [, format]]): the time (a number, absolute time or split-time ad; not a
// relative time) formatted by strftime, "%c" by default. Results are cut as HTCondor's buffer.
bool formatTime(std::string_view, const Args& args, EvalState& state, Value& result) {
  constexpr size_t kMaxOutput = 1022;
  if (args.empty()) {
    result = Value::string(Strftime(gmTime(now())).format("%c"));
    return true;
  }
  if (args.size() > 2) return errorResult(result);
  Value arg;
  if (!evalArg(args, 0, state, arg)) return failResult(result);
  std::shared_ptr<const ClassAd> split;
  AbsTime t;
  if (numberAsAbsTime(arg, t)) split = splitAbsTime(t);
  else if (arg.isClassAd()) split = arg.asClassAd();
  if (!split) return errorResult(result);
  const Tm tm = formatFields(*split);
  std::string format = "%c";
  if (args.size() == 2) {
    Value f;
    if (!evalArg(args, 1, state, f)) return failResult(result);
    if (!f.isString()) return errorResult(result);
    format = f.asString().substr(0, f.asString().find('\0'));
  }
  std::string text = Strftime(tm).format(format);
  if (text.size() > kMaxOutput) text.resize(kMaxOutput);
  result = Value::string(text);
  return true;
}

// ---- interval ----------------------------------------------------------------------------------

// HTCondor's convertValueToIntegerValue, then read as a C int; false where it fails.
bool intervalSeconds(const Value& v, int32_t& out) {
  int64_t i = 0;
  switch (v.type()) {
    case Value::Type::Boolean: i = v.asBoolean() ? 1 : 0; break;
    case Value::Type::Integer: i = v.asInteger(); break;
    case Value::Type::Real: i = x86ToInt64(v.asReal()); break;
    case Value::Type::AbsTime: i = v.asAbsTime().secs; break;
    case Value::Type::RelTime: i = x86ToInt32(v.asRelTime()); break;
    case Value::Type::String: {
      const char* s = v.asString().c_str();
      char* end = nullptr;
      i = x86ToInt64(std::strtod(s, &end));
      if (end == s && i == 0) return false;
      i = x86ToInt64(static_cast<double>(i));
      break;
    }
    default: return false;
  }
  out = asCInt(i);
  return true;
}

// interval(seconds): "[-]D+HH:MM:SS", "H:MM:SS", "M:SS" or "S".
bool interval(std::string_view, const Args& args, EvalState& state, Value& result) {
  Value arg;
  if (auto done = evalSoleArg(args, state, arg, result)) return *done;
  int32_t total = 0;
  if (!intervalSeconds(arg, total)) return errorResult(result);
  const int days = total / 86400;
  total %= 86400;
  const int hours = total / 3600;
  total %= 3600;
  const int mins = total / 60;
  const int secs = total % 60;
  char buf[64];
  if (days != 0) std::snprintf(buf, sizeof buf, "%d+%02d:%02d:%02d", days, std::abs(hours), std::abs(mins), std::abs(secs));
  else if (hours != 0) std::snprintf(buf, sizeof buf, "%d:%02d:%02d", hours, std::abs(mins), std::abs(secs));
  else if (mins != 0) std::snprintf(buf, sizeof buf, "%d:%02d", mins, std::abs(secs));
  else std::snprintf(buf, sizeof buf, "%d", secs);
  result = Value::string(buf);
  return true;
}

}  // namespace

void registerTimeFunctions(Registry& r) {
  r.emplace("time", epochTime);
  r.emplace("currentTime", currentTime);
  r.emplace("timeZoneOffset", timeZoneOffset);
  r.emplace("dayTime", dayTime);
  r.emplace("absTime", convTime<false>);
  r.emplace("relTime", convTime<true>);
  r.emplace("getYear", getField<Field::Year>);
  r.emplace("getMonth", getField<Field::Month>);
  r.emplace("getDayOfYear", getField<Field::DayOfYear>);
  r.emplace("getDayOfMonth", getField<Field::DayOfMonth>);
  r.emplace("getDayOfWeek", getField<Field::DayOfWeek>);
  r.emplace("getDays", getField<Field::Days>);
  r.emplace("getHours", getField<Field::Hours>);
  r.emplace("getMinutes", getField<Field::Minutes>);
  r.emplace("getSeconds", getField<Field::Seconds>);
  r.emplace("splitTime", splitTime);
  r.emplace("formatTime", formatTime);
  r.emplace("interval", interval);
}

}  // namespace htcondor::classad
