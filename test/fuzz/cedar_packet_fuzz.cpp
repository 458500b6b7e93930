// libFuzzer target: the CEDAR packet decoder on bytes from the network, delivered in chunks of
// the sizes TCP happens to choose. Any input must end in messages, a wait for more bytes or an
// error value; every message must be re-encodable and decode back to itself.
#include <cstddef>
#include <cstdint>
#include <span>

#include "cedar/packet.hpp"

using namespace htcondor::cedar;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  // The first byte picks the chunk sizes and the options; the rest is the stream.
  const uint8_t control = data[0];
  const std::span<const uint8_t> stream(data + 1, size - 1);
  const DecoderOptions options{.maxMessage = control & 0x80 ? size_t{64} : size_t{1} << 22, .lowDataMode = (control & 0x40) != 0};
  PacketDecoder decoder(options);
  // The same stream read in parts must give the same messages, and fail where next() fails.
  PacketDecoder parts(options);
  Bytes assembled;
  bool partsFailed = false;
  const size_t step = 1 + (control & 0x1f);
  for (size_t pos = 0; pos < stream.size(); pos += step) {
    const auto chunk = stream.subspan(pos, std::min(step, stream.size() - pos));
    decoder.feed(chunk);
    parts.feed(chunk);
    for (;;) {
      auto message = decoder.next();
      if (!message && !partsFailed) {
        for (;;) {  // parts reach the same error
          auto part = parts.nextPart();
          if (!part) break;
          if (!*part) __builtin_trap();
          assembled.insert(assembled.end(), (*part)->bytes.begin(), (*part)->bytes.end());
        }
        partsFailed = true;
      }
      if (!message || !*message) break;
      while (!partsFailed) {
        auto part = parts.nextPart();
        if (!part || !*part) __builtin_trap();  // next() had the whole message
        assembled.insert(assembled.end(), (*part)->bytes.begin(), (*part)->bytes.end());
        if (!(*part)->end) continue;
        if (assembled != **message) __builtin_trap();
        assembled.clear();
        break;
      }
      // Re-encoding with HTCondor's split and decoding again gives the same message.
      PacketEncoder encoder(EncoderOptions{.maxPayload = size_t{1} + (control & 0x07u)});
      auto framed = encoder.encode(**message);
      if (!framed) __builtin_trap();
      PacketDecoder again;
      again.feed(*framed);
      auto back = again.next();
      if ((*message)->empty()) __builtin_trap();  // no empty messages: length 0 is refused
      if (!back || !*back || **back != **message) __builtin_trap();
    }
  }
  return 0;
}
