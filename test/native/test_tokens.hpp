// IDTOKENS tokens for tests: any header and payload, signed with a fixed fake signature.
#pragma once

#include <string>
#include <string_view>

namespace test_tokens {

inline std::string base64url(std::string_view text) {
  static const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  unsigned value = 0;
  int bits = 0;
  for (unsigned char c : text) {
    value = (value << 8) | c;
    bits += 8;
    while (bits >= 6) out += alphabet[(value >> (bits -= 6)) & 63];
  }
  if (bits > 0) out += alphabet[(value << (6 - bits)) & 63];
  return out;
}

inline std::string makeToken(std::string_view header, std::string_view payload) {
  return base64url(header) + "." + base64url(payload) + "." + base64url("0123456789abcdef0123456789abcdef");
}

}  // namespace test_tokens
