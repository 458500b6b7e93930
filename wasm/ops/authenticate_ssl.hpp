// SSL and SCITOKENS (protocol doc 7.6, 7.7): a TLS session tunnelled through CEDAR messages
// of the form (int status, int n, n bytes), in HTCondor's strictly alternating rounds: status
// exchange, handshake, certificate check, the legacy key read, and for SCITOKENS the token.
#pragma once

#include <optional>
#include <string>

#include "ops/async.hpp"
#include "ops/handshake_channel.hpp"
#include "security/tls_client.hpp"

namespace htcondor::ops {

// nullopt: authenticated; otherwise why the method failed (the daemon waits for a new offer).
// `scitoken`: SCITOKENS mode, with this token; none: SSL.
Async<Result<std::optional<std::string>, Error>> runSsl(HandshakeChannel& channel, security::TlsSettings settings,
                                                        std::optional<std::string> scitoken);

}  // namespace htcondor::ops
