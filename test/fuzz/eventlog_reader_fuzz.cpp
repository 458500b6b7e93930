// libFuzzer target: job event logs come from disk, URLs and streams, possibly cut anywhere or
// garbled. Any bytes, appended in any pieces, must read as events, waits and errors, never a
// crash or a hang; every event read must format and give its ad; and the same bytes read whole
// or in two pieces give the same events.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "eventlog/log_reader.hpp"

using namespace htcondor::eventlog;

namespace {

// Every outcome until the reader waits, as text; errors go on reading after the bad bytes.
void drain(EventLogReader& reader, std::vector<std::string>& out) {
  for (int steps = 0; steps < 100000; ++steps) {
    ReadOutcome step = reader.next();
    if (step.status == ReadOutcome::Status::NoEvent) return;
    if (step.status == ReadOutcome::Status::Error) {
      out.push_back("error");
      continue;
    }
    out.push_back(step.event->format());
    (void)step.event->toAd();
  }
  __builtin_trap();  // a reader that neither waits nor moves on
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  // The first byte picks where the bytes are cut in two; the rest is the log.
  std::string_view log(reinterpret_cast<const char*>(data + 1), size - 1);
  const size_t cut = log.size() * data[0] / 255;
  ReadContext context;
  context.now = 1795239115;

  EventLogReader whole(context);
  whole.append(log);
  std::vector<std::string> once;
  drain(whole, once);

  EventLogReader pieces(context);
  std::vector<std::string> twice;
  pieces.append(log.substr(0, cut));
  drain(pieces, twice);
  pieces.append(log.substr(cut));
  drain(pieces, twice);
  if (once != twice || whole.offset() != pieces.offset()) __builtin_trap();
  return 0;
}
