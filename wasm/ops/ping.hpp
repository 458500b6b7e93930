// SecMan.ping (protocol doc 5.11, commands-daemon-control 5.1): DC_SEC_QUERY negotiates a new
// session for the command being checked without running it; the daemon then sends one ad with
// AuthorizationSucceeded. The result is that ad merged with what the handshake established,
// as the Python bindings return it (Sid, MyRemoteUserName, AuthMethods, Encryption, ...).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "ops/command_connection.hpp"
#include "ops/task.hpp"

namespace htcondor::ops {

inline constexpr std::int64_t kDcSecQuery = 60040;

struct PingRequest {
  std::string address;                  // the daemon's sinful string
  std::int64_t checkedCommand = 60011;  // DC_NOP
  double deadline = 0;
};

// The command a ping checks, from the bindings' argument text: an authorization level (its
// sample NOP command), else a command name; nullopt for anything else.
std::optional<std::int64_t> pingCommand(std::string_view text);

// Emits one ad (new ClassAd syntax).
Task ping(Io& io, security::SessionCache& sessions, SecurityOptions security, PingRequest request);

}  // namespace htcondor::ops
