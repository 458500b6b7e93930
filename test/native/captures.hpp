// The annotated-hex protocol captures of docs/protocol/captures (protocol doc section 11), read
// for the native tests: each packet's wire bytes (header + payload, as on the wire), for AES
// packets also the decrypted payload, and the "# name: hex" secrets of the test vectors.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <doctest/doctest.h>

namespace test_captures {

using Bytes = std::vector<std::uint8_t>;

// Contiguous hex ("0a1b...") or space-separated byte pairs ("0a 1b ..."), up to the first word
// that is not a byte.
Bytes hex(std::string_view text);

template <std::size_t N>
std::array<std::uint8_t, N> fixed(const Bytes& bytes) {
  REQUIRE(bytes.size() == N);
  std::array<std::uint8_t, N> out;
  std::copy(bytes.begin(), bytes.end(), out.begin());
  return out;
}

template <class A, class B>
bool same(const A& a, const B& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end());
}

// One CEDAR packet of a capture, client view.
struct Packet {
  bool fromClient = false;
  bool encrypted = false;
  Bytes wire;       // header + payload exactly as on the wire
  Bytes plaintext;  // the decrypted payload of an AES packet
  bool raw = false; // unframed bytes (file data on a plaintext stream): `wire` has no header

  // The payload of a plaintext packet (the message, for single-packet messages).
  Bytes payload() const { return Bytes(wire.begin() + 5, wire.end()); }
};

// A capture file: its secrets and its packets, per TCP connection.
struct Capture {
  std::map<std::string, Bytes> secrets;
  std::vector<std::vector<Packet>> connections{1};

  const Bytes& secret(const std::string& name) const;
};

// Reads docs/protocol/captures/<file> from the shared folder; checks that every header's length
// matches the bytes read for its packet.
Capture loadCapture(const char* file);

}  // namespace test_captures
