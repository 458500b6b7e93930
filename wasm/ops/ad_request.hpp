// The opening shared by commands whose request is one ad (ad commands, the schedd's job query
// and history, ACT_ON_JOBS): the address and the ad are checked (a ValueError for either), the
// deadline armed, the connection made with its handshake, and the ad sent. `replayable`: the
// command changes nothing (CommandRequest::replayable).
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "ops/command_connection.hpp"

namespace htcondor::ops {

struct RequestFailure {
  Error message;
  ErrorKind kind = ErrorKind::Io;
};

Async<Result<std::unique_ptr<CommandConnection>, RequestFailure>> sendRequestAd(Io& io, security::SessionCache& sessions,
                                                                                const SecurityOptions& security,
                                                                                const std::string& address, std::int64_t command,
                                                                                const std::string& requestAd, double deadline,
                                                                                bool replayable);

}  // namespace htcondor::ops
