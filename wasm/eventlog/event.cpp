#include "eventlog/event.hpp"

#include <cctype>
#include <climits>
#include <cstdio>
#include <cstdlib>

#include "eventlog/ad_fields.hpp"
#include "eventlog/event_number.hpp"
#include "eventlog/event_time.hpp"

namespace htcondor::eventlog {

namespace {

// strtol() from `pos`: blanks, a sign and digits (saturating); the value, and where the digits
// ended (`pos` stays put when there are none).
long leadingLong(std::string_view text, size_t& pos) {
  size_t i = pos;
  while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
  bool negative = false;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) negative = text[i++] == '-';
  const size_t digits = i;
  long value = 0;
  for (; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])); ++i) {
    value = value > (LONG_MAX - 9) / 10 ? LONG_MAX : value * 10 + (text[i] - '0');
  }
  if (i == digits) return 0;
  pos = i;
  return negative ? -value : value;
}

}  // namespace

std::optional<std::string_view> Event::readHeader(std::string_view p, const ReadContext& context) {
  // " (cluster.proc.subproc) "
  if (p.size() < 2 || p[0] != ' ' || p[1] != '(') return std::nullopt;
  size_t pos = 2;
  cluster = static_cast<int>(leadingLong(p, pos));
  if (pos >= p.size() || p[pos] != '.') return std::nullopt;
  ++pos;
  proc = static_cast<int>(leadingLong(p, pos));
  if (pos >= p.size() || p[pos] != '.') return std::nullopt;
  ++pos;
  subproc = static_cast<int>(leadingLong(p, pos));
  if (pos >= p.size() || p[pos] != ')') return std::nullopt;
  ++pos;
  if (pos >= p.size() || p[pos] != ' ') return std::nullopt;
  p.remove_prefix(pos + 1);

  // The date ends at the next space: "MM/DD HH:MM:SS", "YYYY-MM-DD HH:MM:SS[.mmm][Z]" or a
  // full ISO 8601 date and time.
  size_t dateEnd = p.find(' ');
  if (dateEnd == std::string_view::npos) return std::nullopt;
  ParsedTime parsed;
  if (p.size() > 2 && std::isdigit(static_cast<unsigned char>(p[0])) && std::isdigit(static_cast<unsigned char>(p[1])) &&
      p[2] == '/') {
    if (dateEnd != 5) return std::nullopt;
    parsed = parseIso8601(p.substr(6));
    int month = std::atoi(std::string(p.substr(0, 2)).c_str());
    if (month <= 0) return std::nullopt;
    parsed.tm.tm_mon = month - 1;
    parsed.tm.tm_mday = std::atoi(std::string(p.substr(3, 2)).c_str());
    dateEnd = p.find(' ', 6);
  } else if (dateEnd == 10) {
    std::string joined(p.substr(0, 10 + 1 + 21 + 2));
    joined[10] = 'T';
    parsed = parseIso8601(joined);
    dateEnd = p.find(' ', 11);
  } else {
    parsed = parseIso8601(p);
  }
  const std::tm& tm = parsed.tm;
  if (tm.tm_mon < 0 || tm.tm_mon > 11 || tm.tm_mday < 0 || tm.tm_mday > 32 || tm.tm_hour < 0 || tm.tm_hour > 24) {
    return std::nullopt;
  }
  std::tm when = tm;
  // A legacy header has no year: HTCondor takes the current one.
  if (when.tm_year < 0) when.tm_year = brokenDown(context.now, false).tm_year;
  clock = epochOf(when, parsed.utc);
  if (parsed.usec >= 0) usec = parsed.usec;
  if (dateEnd == std::string_view::npos) return std::string_view{};
  return p.substr(dateEnd + 1);
}

std::string Event::format(const FormatOptions& options) const {
  // JobEvent.__str__ falls back on its repr when formatEvent() fails.
  if (!complete()) {
    char repr[128];
    std::snprintf(repr, sizeof repr, "JobEvent(type=%d, cluster=%d, proc=%d, timestamp=%lld)", number_, cluster, proc,
                  static_cast<long long>(clock));
    return repr;
  }
  char head[96];
  std::snprintf(head, sizeof head, "%03d (%03d.%03d.%03d) ", number_, cluster, proc, subproc);
  std::string out = head;
  std::tm tm = brokenDown(clock, options.utc);
  if (options.isoDate) {
    std::snprintf(head, sizeof head, "%04d-%02d-%02d %02d:%02d:%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                  tm.tm_hour, tm.tm_min, tm.tm_sec);
  } else {
    std::snprintf(head, sizeof head, "%02d/%02d %02d:%02d:%02d", tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
  }
  out += head;
  if (options.subSecond) {
    std::snprintf(head, sizeof head, ".%03d", static_cast<int>(usec / 1000));
    out += head;
  }
  if (options.utc) out += 'Z';
  out += ' ';
  formatBody(out);
  return out;
}

std::string_view Event::myType() const { return eventMyType(number_); }

std::shared_ptr<ClassAd> Event::toAd() const {
  if (!complete()) return nullptr;
  auto ad = std::make_shared<ClassAd>();
  if (number_ >= 0) assignInt(*ad, "EventTypeNumber", number_);
  assignString(*ad, "MyType", std::string(myType()));
  assignString(*ad, "EventTime", isoDateTime(clock, usec, false));
  if (cluster >= 0) assignInt(*ad, "Cluster", cluster);
  if (proc >= 0) assignInt(*ad, "Proc", proc);
  if (subproc >= 0) assignInt(*ad, "Subproc", subproc);
  addFields(*ad);
  return ad;
}

void Event::fromAd(const ClassAd& ad, const ReadContext& context) {
  lookupInt(ad, "EventTypeNumber", number_);
  std::string text;
  if (lookupString(ad, "EventTime", text)) {
    ParsedTime parsed = parseIso8601(text);
    clock = epochOf(parsed.tm, parsed.utc);
    if (parsed.usec >= 0) usec = parsed.usec;
  }
  lookupInt(ad, "Cluster", cluster);
  lookupInt(ad, "Proc", proc);
  lookupInt(ad, "Subproc", subproc);
  readFields(ad, context);
}

std::string reasonText(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c == '\n') c = '|';
    else if (c == '\r') c = ' ';
  }
  return out;
}

}  // namespace htcondor::eventlog
