// The protocol's one-value messages: an int (a command, a mode, a size, an alive interval) or a
// ClassAd (a header, a go-ahead, an acknowledgement) alone in a CEDAR message.
#pragma once

#include <cstdint>
#include <memory>

#include "classad/classad.hpp"
#include "ops/async.hpp"
#include "ops/command_connection.hpp"

namespace htcondor::transfer {

Status<ops::Error> sendInt(ops::CommandConnection& c, std::int64_t value);
// `what` names the value in the error ("no file size: ...", "malformed file size: ...").
ops::Async<Result<std::int64_t, ops::Error>> receiveInt(ops::CommandConnection& c, const char* what);
ops::Async<Result<std::shared_ptr<classad::ClassAd>, ops::Error>> receiveAd(ops::CommandConnection& c, const char* what);

}  // namespace htcondor::transfer
