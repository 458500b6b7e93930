#include "eventlog/scan_line.hpp"

#include <cctype>
#include <cstdlib>

namespace htcondor::eventlog {

namespace {

bool isSpace(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

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
    const std::string rest(in.substr(pos));
    char* end = nullptr;
    switch (format[f]) {
      case 'd': {
        // glibc converts with strtol and stores the long into the int.
        long long value = std::strtoll(rest.c_str(), &end, 10);
        if (end == rest.c_str()) return done;
        *std::get<int*>(*target) = static_cast<int>(value);
        break;
      }
      case 'f': {
        double value = std::strtod(rest.c_str(), &end);
        if (end == rest.c_str()) return done;
        *std::get<double*>(*target) = value;
        break;
      }
      case 's': {
        size_t len = 0;
        while (len < rest.size() && !isSpace(rest[len]) && (width == 0 || len < width)) ++len;
        std::get<std::string*>(*target)->assign(rest, 0, len);
        end = const_cast<char*>(rest.c_str()) + len;
        break;
      }
      default:
        return done;
    }
    pos += static_cast<size_t>(end - rest.c_str());
    ++done;
    ++target;
  }
  return done;
}

}  // namespace htcondor::eventlog
