// A command whose payload is one ClassAd and whose answer is ClassAds, each in its own
// message: the token-request commands (protocol doc commands-daemon-control 6) and others of
// that shape. Either exactly one answer, or answers until one carries an end-marker attribute
// (DC_LIST_TOKEN_REQUEST ends with an ad holding Owner and ErrorCode).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "ops/command_connection.hpp"
#include "ops/task.hpp"

namespace htcondor::ops {

struct AdCommand {
  std::string address;
  std::int64_t command = 0;
  std::string requestAd;                // ClassAd text
  std::optional<std::string> endMarker; // read answers until one has this attribute; none: one answer
  double deadline = 0;
};

// Emits each answer ad (new ClassAd syntax), the last one included.
Task adCommand(Io& io, security::SessionCache& sessions, SecurityOptions security, AdCommand request);

}  // namespace htcondor::ops
