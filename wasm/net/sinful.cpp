#include "net/sinful.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace htcondor::net {

namespace {

using Err = Failure<std::string>;

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// glibc inet_pton4: exactly four decimal octets, no leading zeros.
bool parseIpv4(std::string_view s, uint8_t* out) {
  std::array<uint8_t, 4> octets{};
  size_t n = 0;
  bool sawDigit = false;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      if (sawDigit && octets[n - 1] == 0) return false;
      const unsigned v = octets[sawDigit ? n - 1 : n] * 10u + static_cast<unsigned>(c - '0');
      if (v > 255) return false;
      if (!sawDigit) {
        if (++n > 4) return false;
        sawDigit = true;
      }
      octets[n - 1] = static_cast<uint8_t>(v);
    } else if (c == '.' && sawDigit) {
      if (n == 4) return false;
      sawDigit = false;
    } else {
      return false;
    }
  }
  if (n < 4 || !sawDigit) return false;
  std::copy(octets.begin(), octets.end(), out);
  return true;
}

// glibc inet_pton6: hex groups of at most 4 digits, one "::", an optional IPv4 tail.
bool parseIpv6(std::string_view s, uint8_t* out) {
  std::array<uint16_t, 8> words{};
  size_t i = 0;
  if (!s.empty() && s[0] == ':') {
    if (s.size() < 2 || s[1] != ':') return false;
    i = 1;
  }
  size_t tp = 0;
  std::optional<size_t> colon;
  size_t tokenStart = i;
  unsigned value = 0;
  int digits = 0;
  bool sawDigit = false;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    const int h = hexValue(c);
    if (h >= 0) {
      value = (value << 4) | static_cast<unsigned>(h);
      if (++digits > 4) return false;
      sawDigit = true;
      continue;
    }
    if (c == ':') {
      tokenStart = i + 1;
      if (!sawDigit) {
        if (colon) return false;
        colon = tp;
        continue;
      }
      if (i + 1 == s.size() || tp == 8) return false;
      words[tp++] = static_cast<uint16_t>(value);
      sawDigit = false;
      digits = 0;
      value = 0;
      continue;
    }
    if (c == '.' && tp + 2 <= 8) {
      uint8_t v4[4];
      if (!parseIpv4(s.substr(tokenStart), v4)) return false;
      words[tp++] = static_cast<uint16_t>(v4[0] << 8 | v4[1]);
      words[tp++] = static_cast<uint16_t>(v4[2] << 8 | v4[3]);
      sawDigit = false;
      i = s.size();
      break;
    }
    return false;
  }
  if (sawDigit) {
    if (tp == 8) return false;
    words[tp++] = static_cast<uint16_t>(value);
  }
  if (colon) {
    if (tp == 8) return false;
    const size_t moved = tp - *colon;
    for (size_t k = 1; k <= moved; ++k) {
      words[8 - k] = words[*colon + moved - k];
      words[*colon + moved - k] = 0;
    }
    tp = 8;
  }
  if (tp != 8) return false;
  for (size_t k = 0; k < 8; ++k) {
    out[2 * k] = static_cast<uint8_t>(words[k] >> 8);
    out[2 * k + 1] = static_cast<uint8_t>(words[k]);
  }
  return true;
}

// Decimal digits of a port number 0..65535.
std::optional<uint16_t> parsePort(std::string_view s) {
  if (s.empty() || s.size() > 5) return std::nullopt;
  unsigned n = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + static_cast<unsigned>(c - '0');
  }
  if (n > 65535) return std::nullopt;
  return static_cast<uint16_t>(n);
}

std::string ipv4Text(const uint8_t* b) {
  return std::to_string(b[0]) + '.' + std::to_string(b[1]) + '.' + std::to_string(b[2]) + '.' + std::to_string(b[3]);
}

// glibc inet_ntop6: the longest run (first of equals) of two or more zero words becomes "::";
// ::a.b.c.d and ::ffff:a.b.c.d keep their IPv4 tail.
std::string ipv6Text(const std::array<uint8_t, 16>& b) {
  std::array<unsigned, 8> w{};
  for (size_t k = 0; k < 8; ++k) w[k] = static_cast<unsigned>(b[2 * k] << 8 | b[2 * k + 1]);
  int bestBase = -1, bestLen = 0, curBase = -1, curLen = 0;
  for (int k = 0; k < 8; ++k) {
    if (w[static_cast<size_t>(k)] == 0) {
      if (curBase < 0) curBase = k, curLen = 1;
      else ++curLen;
    } else if (curBase >= 0) {
      if (bestBase < 0 || curLen > bestLen) bestBase = curBase, bestLen = curLen;
      curBase = -1;
    }
  }
  if (curBase >= 0 && (bestBase < 0 || curLen > bestLen)) bestBase = curBase, bestLen = curLen;
  if (bestBase >= 0 && bestLen < 2) bestBase = -1;
  std::string out;
  for (int k = 0; k < 8; ++k) {
    if (bestBase >= 0 && k >= bestBase && k < bestBase + bestLen) {
      if (k == bestBase) out += ':';
      continue;
    }
    if (k != 0) out += ':';
    if (k == 6 && bestBase == 0 && (bestLen == 6 || (bestLen == 5 && w[5] == 0xffff))) {
      out += ipv4Text(b.data() + 12);
      return out;
    }
    char buf[8];
    std::snprintf(buf, sizeof buf, "%x", w[static_cast<size_t>(k)]);
    out += buf;
  }
  if (bestBase >= 0 && bestBase + bestLen == 8) out += ':';
  return out;
}

bool isV4Mapped(const std::array<uint8_t, 16>& b) {
  return std::all_of(b.begin(), b.begin() + 10, [](uint8_t x) { return x == 0; }) && b[10] == 0xff && b[11] == 0xff;
}

// urlDecode() of condor_sinful.cpp: %XX with two hex digits of either case.
std::optional<std::string> urlDecode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '%') {
      out += s[i];
      continue;
    }
    const int hi = i + 1 < s.size() ? hexValue(s[i + 1]) : -1;
    const int lo = i + 2 < s.size() ? hexValue(s[i + 2]) : -1;
    if (hi < 0 || lo < 0) return std::nullopt;
    out += static_cast<char>(hi << 4 | lo);
    i += 2;
  }
  return out;
}

// urlEncode() of condor_sinful.cpp. HTCondor formats the escape from a (signed, on x86) char
// into a 4-byte buffer, so every byte above 0x7f comes out as "%ff"; kept for identical output.
void urlEncode(std::string_view s, std::string& out) {
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '.' || c == '_' || c == '-' || c == ':' || c == '#' || c == '[' || c == ']' ||
        c == '+') {
      out += c;
      continue;
    }
    char buf[4];
    std::snprintf(buf, sizeof buf, "%%%02x", u > 0x7f ? 0xffu : static_cast<unsigned>(u));
    out += buf;
  }
}

// parseUrlEncodedParams(): key[=value] separated by any run of '&' and ';'; last key wins.
bool parseParams(std::string_view s, std::map<std::string, std::string>& params) {
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == '&' || s[i] == ';')) ++i;
    if (i == s.size()) break;
    const size_t keyEnd = std::min(s.find_first_of("=&;", i), s.size());
    if (keyEnd == i) return false;
    std::optional<std::string> key = urlDecode(s.substr(i, keyEnd - i));
    if (!key) return false;
    i = keyEnd;
    std::string value;
    if (i < s.size() && s[i] == '=') {
      ++i;
      const size_t valueEnd = std::min(s.find_first_of("&;", i), s.size());
      std::optional<std::string> v = urlDecode(s.substr(i, valueEnd - i));
      if (!v) return false;
      value = std::move(*v);
      i = valueEnd;
    }
    params[std::move(*key)] = std::move(value);
  }
  return true;
}

// The '+'-separated CCB-safe entries of an addrs value (empty entries skipped).
std::optional<std::vector<SocketAddress>> parseAddrs(std::string_view s) {
  std::vector<SocketAddress> out;
  size_t i = 0;
  while (i <= s.size()) {
    const size_t end = std::min(s.find('+', i), s.size());
    if (end > i) {
      std::optional<SocketAddress> a = SocketAddress::fromCcbSafeString(s.substr(i, end - i));
      if (!a) return std::nullopt;
      out.push_back(*a);
    }
    i = end + 1;
  }
  return out;
}

}  // namespace

std::optional<IpAddress> IpAddress::parse(std::string_view text) {
  if (!text.empty() && text[0] == '[') {
    const size_t close = text.find(']');
    // from_ip_string strips the brackets (anything after ']' makes inet_pton fail below).
    if (close != std::string_view::npos) {
      if (close + 1 != text.size()) return std::nullopt;
      text = text.substr(1, close - 1);
    }
  }
  IpAddress a;
  if (parseIpv4(text, a.bytes.data())) return a;
  a.family = Family::V6;
  if (parseIpv6(text, a.bytes.data())) return a;
  return std::nullopt;
}

std::string IpAddress::toString() const {
  if (isV4()) return ipv4Text(bytes.data());
  if (isV4Mapped(bytes)) return ipv4Text(bytes.data() + 12);
  return ipv6Text(bytes);
}

bool IpAddress::isLoopback() const {
  if (isV4()) return bytes[0] == 127;
  return std::all_of(bytes.begin(), bytes.begin() + 15, [](uint8_t x) { return x == 0; }) && bytes[15] == 1;
}

bool IpAddress::isLinkLocal() const {
  if (isV4()) return bytes[0] == 169 && bytes[1] == 254;
  return bytes[0] == 0xfe && (bytes[1] & 0xc0) == 0x80;
}

bool IpAddress::isPrivateNetwork() const {
  if (isV4())
    return bytes[0] == 10 || (bytes[0] == 172 && (bytes[1] & 0xf0) == 16) || (bytes[0] == 192 && bytes[1] == 168);
  return (bytes[0] & 0xfe) == 0xfc;
}

int IpAddress::desirability() const {
  if (isV6() && isLinkLocal()) return 1;
  if (isLoopback()) return 2;
  if (isLinkLocal()) return 3;
  if (isPrivateNetwork()) return 4;
  return 5;
}

std::optional<SocketAddress> SocketAddress::fromCcbSafeString(std::string_view text) {
  const size_t dash = text.rfind('-');
  if (dash == std::string_view::npos) return std::nullopt;
  std::string ip(text.substr(0, dash));
  std::replace(ip.begin(), ip.end(), '-', ':');
  std::optional<IpAddress> addr = IpAddress::parse(ip);
  if (!addr) return std::nullopt;
  // HTCondor takes strtoul() of the rest; we want plain digits of a real port.
  std::optional<uint16_t> port = parsePort(text.substr(dash + 1));
  if (!port) return std::nullopt;
  return SocketAddress{*addr, *port};
}

std::string SocketAddress::toCcbSafeString() const {
  std::string text = ip.isV6() ? "[" + ip.toString() + "]" : ip.toString();
  std::replace(text.begin(), text.end(), ':', '-');
  return text + '-' + std::to_string(port);
}

Result<Sinful, std::string> Sinful::parse(std::string_view text) {
  std::string s;
  if (text.empty()) return Err{"empty address"};
  switch (text[0]) {
    case '<': s = text; break;
    case '[': s = "<" + std::string(text) + ">"; break;
    case '{': return Err{"source-route (v1) addresses are not supported: " + std::string(text)};
    default: {
      // A bare IPv6 literal: two colons before any '?'.
      const size_t first = text.find(':');
      const size_t second = first == std::string_view::npos ? first : text.find(':', first + 1);
      const size_t question = text.find('?');
      const bool v6 = second != std::string_view::npos && (question == std::string_view::npos || second < question);
      s = v6 ? "<[" + std::string(text) + "]>" : "<" + std::string(text) + ">";
    }
  }

  // split_sin()
  Sinful out;
  std::string_view rest = std::string_view(s).substr(1);
  if (!rest.empty() && rest[0] == '[') {
    const size_t close = rest.find(']');
    if (close == std::string_view::npos) return Err{"unmatched '[' in address: " + s};
    out.host_ = rest.substr(1, close - 1);
    rest.remove_prefix(close + 1);
  } else {
    const size_t len = std::min(rest.find_first_of(":?>"), rest.size());
    out.host_ = rest.substr(0, len);
    rest.remove_prefix(len);
  }
  if (!rest.empty() && rest[0] == ':') {
    rest.remove_prefix(1);
    size_t len = 0;
    while (len < rest.size() && std::isdigit(static_cast<unsigned char>(rest[len]))) ++len;
    out.port_ = rest.substr(0, len);
    rest.remove_prefix(len);
  }
  std::string_view params;
  if (!rest.empty() && rest[0] == '?') {
    rest.remove_prefix(1);
    const size_t len = std::min(rest.find('>'), rest.size());
    params = rest.substr(0, len);
    rest.remove_prefix(len);
  }
  if (rest != ">") return Err{"malformed address (expected '<host:port?params>'): " + s};
  if (!parseParams(params, out.params_)) return Err{"malformed address parameters: " + s};
  if (auto addrs = out.param("addrs")) {
    std::optional<std::vector<SocketAddress>> list = parseAddrs(*addrs);
    if (!list) return Err{"malformed addrs entry in address: " + s};
    out.addrs_ = std::move(*list);
  }
  return out;
}

std::optional<uint16_t> Sinful::portNumber() const {
  return parsePort(port_);
}

std::optional<std::string_view> Sinful::param(const std::string& key) const {
  auto it = params_.find(key);
  if (it == params_.end()) return std::nullopt;
  return std::string_view(it->second);
}

Result<std::monostate, std::string> Sinful::setParam(const std::string& key, std::optional<std::string> value) {
  if (key.empty()) return Err{"empty parameter name"};
  if (key == "addrs") {
    std::vector<SocketAddress> list;
    if (value) {
      std::optional<std::vector<SocketAddress>> parsed = parseAddrs(*value);
      if (!parsed) return Err{"malformed addrs value: " + *value};
      list = std::move(*parsed);
    }
    addrs_ = std::move(list);
  }
  if (value) params_[key] = std::move(*value);
  else params_.erase(key);
  return std::monostate{};
}

std::string Sinful::toString() const {
  std::string out = "<";
  const bool bracket = host_.find(':') != std::string::npos && host_.find('[') == std::string::npos;
  out += bracket ? "[" + host_ + "]" : host_;
  if (!port_.empty()) out += ":" + port_;
  if (!params_.empty()) {
    out += '?';
    bool first = true;
    for (const auto& [key, value] : params_) {
      if (!first) out += '&';
      first = false;
      urlEncode(key, out);
      if (!value.empty()) {
        out += '=';
        urlEncode(value, out);
      }
    }
  }
  out += '>';
  return out;
}

Result<ConnectTarget, std::string> chooseConnectAddress(const Sinful& address, const ConnectPolicy& policy) {
  if (!policy.ipv4 && !policy.ipv6) return Err{"neither IPv4 nor IPv6 is enabled"};
  Sinful s = address;
  ConnectTarget target;
  // Daemon::Set_addr keeps the alias of the address it was given, even when it switches to the
  // private address.
  if (auto alias = s.alias()) target.alias = std::string(*alias);

  if (auto net = s.privateNetworkName(); net && policy.privateNetworkName && *net == *policy.privateNetworkName) {
    if (auto priv = s.privateAddress()) {
      std::string text(*priv);
      if (text.empty() || text[0] != '<') text = "<" + text + ">";
      Result<Sinful, std::string> parsed = Sinful::parse(text);
      if (!parsed) return Err{"private address: " + parsed.error()};
      s = std::move(*parsed);
    } else {
      (void)s.setParam("CCBID", std::nullopt);  // same network: reach it directly
    }
  }
  if (s.ccbId()) return Err{"daemon is reachable only by CCB reverse connection: " + s.toString()};

  if (!s.addrs().empty()) {
    // Sock::chooseAddrFromAddrs: most desirable first, ties in addrs order (or by protocol).
    std::vector<std::pair<int, SocketAddress>> ranked;
    for (const SocketAddress& a : s.addrs()) {
      int d = -a.ip.desirability();
      if (policy.ignoreTargetProtocolPreference) {
        d *= 100;
        if (policy.preferOutboundIpv4 == a.ip.isV4()) d -= 10;
      }
      ranked.emplace_back(d, a);
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    auto usable = std::find_if(ranked.begin(), ranked.end(), [&](const auto& r) {
      return (r.second.ip.isV4() && policy.ipv4) || (r.second.ip.isV6() && policy.ipv6);
    });
    if (usable == ranked.end()) return Err{"no address of a usable protocol in " + s.toString()};
    s.setHost(usable->second.ip.toString());
    s.setPort(usable->second.port);
  }

  std::optional<uint16_t> port = s.portNumber();
  if (!port) return Err{"address has no valid port: " + s.toString()};
  if (s.host().empty()) return Err{"address has no host: " + s.toString()};
  target.host = s.host();
  target.port = *port;
  if (auto id = s.sharedPortId()) target.sharedPortId = std::string(*id);
  target.sinful = std::move(s);
  return target;
}

}  // namespace htcondor::net
