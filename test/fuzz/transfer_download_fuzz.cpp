// libFuzzer target: the download side of the file-transfer protocol (transfer/download, through
// the retrieve operation) against a hostile schedd. The input is the schedd's side of the
// connection, fed in pieces whose sizes the first byte picks, then the connection closes; the
// operation must end with a result or an error, never crash or wait for ever.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>

#include "ops/schedd_retrieve.hpp"

using namespace htcondor;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const std::size_t step = std::size_t{data[0]} + 1;
  std::span<const uint8_t> schedd(data + 1, size - 1);

  ops::SecurityOptions security;
  security.policy.levels.negotiation = security::SecLevel::Never;
  security::SessionCache sessions;
  ops::ScheddRetrieve request;
  request.address = "<127.0.0.1:9618>";
  request.constraint = "true";
  ops::Io io;
  ops::Task task = ops::scheddRetrieve(io, sessions, security, request);
  task.start();
  const auto drain = [&] {
    while (io.poll().kind != ops::Action::Kind::Idle) {
    }
  };
  drain();
  io.onConnected(0);
  drain();
  for (std::size_t at = 0; at < schedd.size() && !task.done(); at += step) {
    io.onData(0, schedd.subspan(at, std::min(step, schedd.size() - at)));
    drain();
  }
  io.onClosed(0);
  drain();
  if (!task.done()) std::abort();  // closed, yet still waiting: a hang
  return 0;
}
