// printf's "%0<width>d" without printf (musl's formatter is slow in WebAssembly, and the event
// ads and texts format several numbers each): zeros after the sign, the width counting it.
#pragma once

#include <charconv>
#include <cstdint>
#include <string>

namespace htcondor::eventlog {

inline void appendPadded(std::string& out, int64_t value, int width = 0) {
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
  const bool negative = value < 0;
  if (negative) out += '-';
  for (int pad = width - static_cast<int>(end - digits); pad > 0; --pad) out += '0';
  out.append(digits + negative, end);
}

}  // namespace htcondor::eventlog
