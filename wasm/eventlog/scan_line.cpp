#include "eventlog/scan_line.hpp"

#include <cctype>
#include <climits>
#include <cstdlib>

namespace htcondor::eventlog {

namespace {

bool isSpace(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

// strtoll(text, 10) without a copy: a sign and digits (saturating); the characters used, 0 for none.
size_t leadingInteger(std::string_view text, long long& value) {
  size_t i = 0;
  const bool negative = i < text.size() && text[i] == '-';
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
  const size_t digits = i;
  unsigned long long magnitude = 0;
  for (; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])); ++i) {
    magnitude = magnitude > (1ULL << 62) ? (1ULL << 63) : magnitude * 10 + static_cast<unsigned>(text[i] - '0');
  }
  if (i == digits) return 0;
  if (negative) value = magnitude >= (1ULL << 63) ? LLONG_MIN : -static_cast<long long>(magnitude);
  else value = magnitude >= (1ULL << 63) - 1 ? LLONG_MAX : static_cast<long long>(magnitude);
  return i;
}

}  // namespace

int scanLine(std::string_view in, std::string_view format, std::initializer_list<ScanTarget> targets) {
  in = in.substr(0, in.find('\0'));  // a C string
  auto target = targets.begin();
  size_t pos = 0;
  int done = 0;
  // Running out of input before the first conversion is EOF; a mismatch is not.
  auto inputFailure = [&] { return done > 0 ? done : -1; };
  auto skipSpace = [&] {
    while (pos < in.size() && isSpace(in[pos])) ++pos;
  };

  for (size_t f = 0; f < format.size(); ++f) {
    const char c = format[f];
    if (isSpace(c)) {
      skipSpace();
      continue;
    }
    if (c != '%') {
      if (pos >= in.size()) return inputFailure();
      if (in[pos] != c) return done;
      ++pos;
      continue;
    }
    size_t width = 0;
    while (++f < format.size() && std::isdigit(static_cast<unsigned char>(format[f]))) width = width * 10 + (format[f] - '0');
    if (f < format.size() && format[f] == 'l') ++f;
    if (f >= format.size() || target == targets.end()) return done;
    skipSpace();
    if (pos >= in.size()) return inputFailure();
    switch (format[f]) {
      case 'd': {
        // glibc converts with strtol and stores the long into the int.
        long long value = 0;
        const size_t used = leadingInteger(in.substr(pos), value);
        if (used == 0) return done;
        *std::get<int*>(*target) = static_cast<int>(value);
        pos += used;
        break;
      }
      case 'f': {
        const std::string rest(in.substr(pos));
        char* end = nullptr;
        double value = std::strtod(rest.c_str(), &end);
        if (end == rest.c_str()) return done;
        *std::get<double*>(*target) = value;
        pos += static_cast<size_t>(end - rest.c_str());
        break;
      }
      case 's': {
        size_t len = 0;
        while (pos + len < in.size() && !isSpace(in[pos + len]) && (width == 0 || len < width)) ++len;
        std::get<std::string*>(*target)->assign(in.substr(pos, len));
        pos += len;
        break;
      }
      default:
        return done;
    }
    ++done;
    ++target;
  }
  return done;
}

}  // namespace htcondor::eventlog
