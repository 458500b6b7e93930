#include "ops/ad_stream.hpp"

#include <optional>

#include "cedar/classad_wire.hpp"
#include "ops/ad_request.hpp"

namespace htcondor::ops {

namespace {

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if ((a[i] | 0x20) != (b[i] | 0x20)) return false;
  return true;
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

bool isEndAd(std::string_view lines) {
  while (!lines.empty()) {
    const auto eol = lines.find('\n');
    const std::string_view line = lines.substr(0, eol);
    lines = eol == std::string_view::npos ? std::string_view() : lines.substr(eol + 1);
    const auto eq = line.find('=');
    if (eq != std::string_view::npos && equalsIgnoringCase(trimmed(line.substr(0, eq)), "Owner"))
      return trimmed(line.substr(eq + 1)) == "0";
  }
  return false;
}

Task adStream(Io& io, security::SessionCache& sessions, SecurityOptions security, AdStreamRequest request) {
  auto opened = co_await sendRequestAd(io, sessions, security, request.address, request.command, request.requestAd, request.deadline,
                                    true);
  if (!opened) co_return io.finish(opened.error().message, opened.error().kind);
  auto& c = **opened;

  // A message's ads are read as its packets arrive: history answers are one message holding
  // every record, which the schedd's helper writes while it scans.
  Bytes pending;  // what arrived of the current message and is not yet read as ads
  // An ad that did not read yet is tried again once what is pending has doubled, so an ad
  // arriving in many packets is read a bounded number of times, not once per packet.
  size_t retryAt = 0;
  for (;;) {
    auto part = co_await c.receivePart();
    if (!part) co_return io.finish("the schedd ended the answer early: " + part.error());
    pending.insert(pending.end(), part->bytes.begin(), part->bytes.end());
    if (!part->end && pending.size() < retryAt) continue;
    auto in = c.reader(pending);
    size_t read = 0;
    while (!in.atEnd()) {
      auto lines = cedar::getClassAdLines(in);
      // Before the message's end, an ad that does not read may only be incomplete.
      if (!lines && !part->end) break;
      if (!lines) co_return io.finish("the schedd's answer is malformed: " + lines.error().message);
      read = in.position();
      const bool end = isEndAd(*lines);
      // As bytes: they cross to the caller as one copy.
      io.emitBytes(Bytes(lines->begin(), lines->end()));
      if (end) co_return io.finish(std::nullopt);
    }
    pending.erase(pending.begin(), pending.begin() + static_cast<std::ptrdiff_t>(read));
    retryAt = 2 * pending.size();
  }
}

}  // namespace htcondor::ops
