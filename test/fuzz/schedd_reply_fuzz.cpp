// libFuzzer target: whatever a (hostile or broken) schedd answers to a job query, a queue
// conversation or ACT_ON_JOBS must end the operation with results or an error once the
// connection closes: no crash, no hang. The first byte picks the operation; the rest is the
// schedd's bytes, fed in two pieces at a point the second byte picks.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "ops/ad_stream.hpp"
#include "ops/qmgmt.hpp"
#include "ops/schedd_act.hpp"
#include "protocol/qmgmt_calls.hpp"

using namespace htcondor;

namespace {

void drain(ops::Io& io, bool& ended) {
  for (ops::Action a = io.poll(); a.kind != ops::Action::Kind::Idle; a = io.poll())
    if (a.kind == ops::Action::Kind::Done || a.kind == ops::Action::Kind::Failed) ended = true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  ops::SecurityOptions security;
  security.policy.levels.negotiation = security::SecLevel::Never;
  security::SessionCache sessions;
  ops::Io io;
  const uint8_t which = data[0] % 3;
  ops::Task task = which == 0   ? ops::adStream(io, sessions, security, {"<127.0.0.1:9618>", 516, "[ Requirements = true ]", 0})
                   : which == 1 ? ops::qmgmt(io, sessions, security, {"<127.0.0.1:9618>", true, 0})
                                : ops::scheddAct(io, sessions, security, {"<127.0.0.1:9618>", "[ JobAction = 1 ]", 0});
  bool ended = false;
  task.start();
  drain(io, ended);
  io.onConnected(0);
  drain(io, ended);
  if (which == 1) {
    protocol::QmgmtCallWriter calls;
    for (auto kind : {protocol::QmgmtCall::Kind::NewCluster, protocol::QmgmtCall::Kind::NewProc, protocol::QmgmtCall::Kind::GetCapabilities,
                      protocol::QmgmtCall::Kind::SetAttributeByConstraint, protocol::QmgmtCall::Kind::SendMaterializeData,
                      protocol::QmgmtCall::Kind::Commit}) {
      protocol::QmgmtCall c;
      c.kind = kind;
      calls.add(c);
    }
    io.onInput(calls.take());
    drain(io, ended);
  }
  const std::span<const uint8_t> reply(data + 2, size - 2);
  const size_t split = reply.empty() ? 0 : data[1] % (reply.size() + 1);
  io.onData(0, reply.first(split));
  drain(io, ended);
  io.onData(0, reply.subspan(split));
  drain(io, ended);
  io.onClosed(0);
  drain(io, ended);
  // A conversation that answered everything waits for input; ending it must finish it.
  if (!ended && which == 1) {
    io.onInput({});
    drain(io, ended);
  }
  if (!ended || !task.done()) __builtin_trap();
  return 0;
}
