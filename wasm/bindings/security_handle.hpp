// The caller's security settings as the core holds them between operations (embind class
// "Security", made by security() in security_bindings.cpp): read from JavaScript once per set
// of settings, not field by field for every command.
#pragma once

#include <ctime>

#include "ops/command_connection.hpp"

namespace htcondor::bindings {

struct Security {
  ops::SecurityOptions options;
  // An operation's own copy (secrets still to be looked for are looked for by it), on the
  // clock as it is now.
  ops::SecurityOptions forOperation() const {
    ops::SecurityOptions copy = options;
    copy.now = static_cast<std::int64_t>(std::time(nullptr));
    return copy;
  }
};

}  // namespace htcondor::bindings
