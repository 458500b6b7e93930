// libFuzzer target: ClassAds on the wire, as a peer might send them. Reading any message must
// give ads or an error value, never a crash; every ad read must write out again and read back
// with the same attributes.
#include <cstddef>
#include <cstdint>
#include <span>

#include "cedar/classad_wire.hpp"
#include "classad/ad_lines.hpp"
#include "cedar/message.hpp"

using namespace htcondor::cedar;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  // The first byte picks crypto mode and reader options; the rest is the message.
  const uint8_t control = data[0];
  const bool encrypted = (control & 1) != 0;
  const GetAdOptions options{.noTypes = (control & 2) != 0, .literalsOnly = (control & 4) != 0};
  MessageReader in(std::span<const uint8_t>(data + 1, size - 1), encrypted);
  // The lines-only reader takes what the parsing reader takes (it does not parse), except a
  // line holding a newline, which it refuses: it could not be passed on as one line.
  {
    MessageReader parsed(std::span<const uint8_t>(data + 1, size - 1), encrypted);
    MessageReader raw(std::span<const uint8_t>(data + 1, size - 1), encrypted);
    auto ad = getClassAd(parsed, options);
    if (ad && !options.literalsOnly) {
      auto lines = getClassAdLines(raw, options);
      if (lines ? raw.position() != parsed.position() : lines.error().code != Errc::BadAttribute) __builtin_trap();
      // The main thread's reader of those lines gives the same ad, also the second time, when
      // its trees come from what it parsed the first.
      if (lines) {
        htcondor::classad::AdLinesReader reader;
        for (int pass = 0; pass < 2; ++pass) {
          auto again = reader.read(*lines);
          if (!again || again->size() != (*ad)->size()) __builtin_trap();
        }
      }
    }
  }
  // A query reply is a sequence of ads; read as many as there are.
  for (int i = 0; i < 4 && !in.atEnd(); ++i) {
    auto ad = getClassAd(in, options);
    if (!ad) break;
    MessageWriter out(encrypted);
    if (!putClassAd(out, **ad, PutAdOptions{.noTypes = options.noTypes, .peerKnowsPrivateV2 = true})) continue;
    MessageReader again(out.bytes(), encrypted);
    auto back = getClassAd(again, GetAdOptions{.noTypes = options.noTypes, .literalsOnly = false});
    if (!back || (*back)->size() != (*ad)->size() || !again.finish()) __builtin_trap();
  }
  return 0;
}
