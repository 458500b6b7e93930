// libFuzzer target: AES-GCM records arrive from the network. Decrypting any bytes must fail
// cleanly (never crash, never succeed on garbage), and whatever is encrypted must decrypt back.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "security/aes_gcm_stream.hpp"

using namespace htcondor::security;

namespace {

// The input as a sequence of records, each cut to the length its header claims, fed to a
// fresh copy of `receiver` (so each is parsed at the receiver's current counter).
void decryptGarbage(const AesGcmStream& receiver, std::span<const uint8_t> rest) {
  while (rest.size() >= kPacketHeaderSize) {
    size_t claimed = size_t{rest[1]} << 24 | size_t{rest[2]} << 16 | size_t{rest[3]} << 8 | rest[4];
    size_t avail = rest.size() - kPacketHeaderSize;
    size_t take = kPacketHeaderSize + std::min(claimed, avail);
    AesGcmStream copy = receiver;
    if (copy.decryptPacket(rest.first(take))) __builtin_trap();  // a forgery
    rest = rest.subspan(take);
  }
  AesGcmStream copy = receiver;
  if (copy.decryptPacket(rest)) __builtin_trap();  // the short tail
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const SessionKey key{1, 2, 3};
  const HandshakeDigests digests{{4}, {5}};
  std::span<const uint8_t> input(data, size);
  AesGcmStream sender(key, GcmIv{9}, digests);
  AesGcmStream receiver(key, GcmIv{}, {digests.received, digests.sent});

  decryptGarbage(receiver, input);  // as a first packet (IV in the payload)

  // The input as plaintext in up to three packets: each must round-trip, and a flipped bit
  // (position chosen by the data) must be caught.
  size_t third = size / 3 + 1;
  for (size_t at = 0; at < size; at += third) {
    auto piece = input.subspan(at, std::min(third, size - at));
    auto wire = sender.encryptPacket(piece, at + third >= size);
    if (!wire) __builtin_trap();
    std::vector<uint8_t> bad = *wire;
    bad[piece[0] % bad.size()] ^= static_cast<uint8_t>(1u << (piece.back() % 8));
    AesGcmStream probe = receiver;
    if (probe.decryptPacket(bad)) __builtin_trap();
    auto back = receiver.decryptPacket(*wire);
    if (!back || !std::equal(back->begin(), back->end(), piece.begin(), piece.end())) {
      __builtin_trap();
    }
  }

  if (receiver.packetsReceived() > 0) decryptGarbage(receiver, input);  // as a later packet
  return 0;
}
