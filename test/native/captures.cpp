#include "captures.hpp"

#include <sstream>

#include "shared_files.hpp"

namespace test_captures {
namespace {

constexpr std::size_t kPacketHeaderSize = 5;

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool isHex(std::string_view s) {
  if (s.empty() || s.size() % 2 != 0) return false;
  for (char c : s) {
    if (hexValue(c) < 0) return false;
  }
  return true;
}

}  // namespace

Bytes hex(std::string_view text) {
  Bytes out;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    std::size_t j = i;
    while (j < text.size() && text[j] != ' ') ++j;
    std::string_view word = text.substr(i, j - i);
    if (!isHex(word)) break;
    for (std::size_t k = 0; k < word.size(); k += 2) {
      out.push_back(static_cast<std::uint8_t>(hexValue(word[k]) * 16 + hexValue(word[k + 1])));
    }
    i = j;
  }
  return out;
}

const Bytes& Capture::secret(const std::string& name) const {
  auto it = secrets.find(name);
  REQUIRE_MESSAGE(it != secrets.end(), name);
  return it->second;
}

// Reads the annotated hex format of docs/protocol/captures (section 11 of the protocol doc).
Capture loadCapture(const char* file) {
  std::istringstream in(sharedFile(std::string("docs/protocol/captures/") + file));
  Capture capture;
  constexpr std::size_t kBytesWidth = 48;  // 16 "xx " columns after the offset
  std::string line;
  while (std::getline(in, line)) {
    std::string_view l = line;
    auto& packets = capture.connections.back();
    if (l.starts_with("# ====")) {
      if (!packets.empty()) capture.connections.emplace_back();
    } else if (l.starts_with("# ")) {
      auto colon = l.find(':');
      if (colon == std::string_view::npos) continue;
      Bytes value = hex(l.substr(colon + 1));
      if (value.size() < 8) continue;  // prose, not a secret
      std::string name;
      for (char c : l.substr(2, colon - 2)) {
        if (c != ' ' || (!name.empty() && name.back() != ' ')) name += c;
      }
      capture.secrets[name] = value;
    } else if (l.starts_with("## packet")) {
      packets.push_back({l.find("C>S") != std::string_view::npos, false, {}, {}, l.find(" raw file data") != std::string_view::npos});
    } else if (packets.empty()) {
      continue;
    } else if (l.starts_with("  (full packet hex)")) {
      // Undecoded AES packets (captures of real tools) repeat the whole packet below: take that.
      packets.back().wire.clear();
    } else if (l.starts_with("  +")) {
      Bytes b = hex(l.substr(9, kBytesWidth));
      packets.back().wire.insert(packets.back().wire.end(), b.begin(), b.end());
    } else if (l.starts_with("      +")) {
      Bytes b = hex(l.substr(13, kBytesWidth));
      packets.back().plaintext.insert(packets.back().plaintext.end(), b.begin(), b.end());
    } else if (l.starts_with("  IV (") || l.starts_with("  GCM tag:") ||
               (l.starts_with("    ") && l.size() > 4 && hexValue(l[4]) >= 0)) {
      auto start = l.starts_with("    ") ? 4 : l.find(':') + 1;
      Bytes b = hex(l.substr(start));
      packets.back().wire.insert(packets.back().wire.end(), b.begin(), b.end());
      if (l.starts_with("  GCM tag:")) packets.back().encrypted = true;
    }
  }
  // The parser must have seen every byte: each header's length matches its payload.
  for (const auto& conn : capture.connections) {
    for (const auto& p : conn) {
      if (p.raw) continue;
      REQUIRE(p.wire.size() > kPacketHeaderSize);
      std::size_t length = std::size_t{p.wire[1]} << 24 | std::size_t{p.wire[2]} << 16 |
                           std::size_t{p.wire[3]} << 8 | p.wire[4];
      REQUIRE(length == p.wire.size() - kPacketHeaderSize);
      REQUIRE((p.plaintext.empty() || p.encrypted));
    }
  }
  return capture;
}

}  // namespace test_captures
