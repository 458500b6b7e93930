// Driving an operation as a host does, for the native tests: its actions until it waits, the
// messages it sent, and the daemon's side as framed messages.
#pragma once

#include <doctest/doctest.h>

#include <vector>

#include "cedar/classad_wire.hpp"
#include "cedar/message.hpp"
#include "cedar/packet.hpp"
#include "classad/parser.hpp"
#include "ops/command_connection.hpp"

namespace host_steps {

using htcondor::ops::Action;
using htcondor::ops::Bytes;

// Runs host-side steps until the operation has nothing more to say.
inline std::vector<Action> drain(htcondor::ops::Io& io) {
  std::vector<Action> actions;
  for (Action a = io.poll(); a.kind != Action::Kind::Idle; a = io.poll()) actions.push_back(std::move(a));
  return actions;
}

// Every message the client sent in these actions, decoded.
inline std::vector<Bytes> messagesSent(const std::vector<Action>& actions) {
  htcondor::cedar::PacketDecoder decoder;
  std::vector<Bytes> messages;
  for (const auto& a : actions) {
    if (a.kind != Action::Kind::Send) continue;
    decoder.feed(a.bytes);
    for (auto m = decoder.next(); m && *m; m = decoder.next()) messages.push_back(**m);
  }
  return messages;
}

// Raw commands (SEC_CLIENT_NEGOTIATION = NEVER): the request is the first message.
inline htcondor::ops::SecurityOptions rawSecurity() {
  htcondor::ops::SecurityOptions security;
  security.policy.levels.negotiation = htcondor::security::SecLevel::Never;
  return security;
}

// One message as a plaintext packet.
inline Bytes framed(const Bytes& message) {
  auto packet = htcondor::cedar::PacketEncoder().encode(message);
  REQUIRE(packet);
  return *packet;
}

// The daemon's message holding the integers `before`, then the ad `text`.
inline Bytes adMessage(const char* text, std::initializer_list<int64_t> before = {}) {
  htcondor::cedar::MessageWriter out;
  for (auto v : before) out.putInt(v);
  htcondor::classad::Parser parser(text);
  auto ad = parser.parseClassAd(true);
  REQUIRE(ad);
  REQUIRE(htcondor::cedar::putClassAd(out, *ad));
  auto message = std::move(out).finish();
  REQUIRE(message);
  return framed(*message);
}

}  // namespace host_steps
