// Step 3 of a new session (protocol doc 5.5): offer the methods this client can run, run the
// one the daemon picks, and on failure drop it (or move on to the next token) and offer the
// rest, as HTCondor's client does. When nothing is left the daemon either goes on without
// authentication (AuthRequired = false) or the handshake fails with every cause named.
#pragma once

#include <optional>
#include <string>

#include "ops/async.hpp"
#include "ops/command_connection.hpp"
#include "ops/handshake_channel.hpp"
#include "security/auth_methods.hpp"
#include "security/policy.hpp"

namespace htcondor::ops {

// Whether the client holds anything to authenticate with for one of its configured methods.
// Without, it asks for no more than OPTIONAL authentication: a daemon before 23.10 that agreed
// to authenticate closes the connection when the client then has nothing to offer.
bool canAuthenticate(const SecurityOptions& security);

// The method that authenticated us; nullopt when the session goes on unauthenticated.
// `serverName`: the name the daemon's SSL certificate must carry (the sinful's alias).
Async<Result<std::optional<security::AuthMethod>, Error>> authenticate(HandshakeChannel& channel,
                                                                       const SecurityOptions& security,
                                                                       const security::SessionPlan& plan,
                                                                       std::optional<std::string> serverName);

}  // namespace htcondor::ops
