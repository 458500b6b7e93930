// The two methods without secrets (protocol doc 7.4, 7.5). CLAIMTOBE: the client names itself
// and the server believes it (if its policy allows the method). ANONYMOUS: the server just
// answers; the identity becomes CONDOR_ANONYMOUS_USER.
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "cedar/packet.hpp"
#include "security/handshake_error.hpp"

namespace htcondor::security {

// C>S int 1, string name ("user" or "user@domain"); without a name, int 0 (the method fails).
HsResult<cedar::Bytes> claimToBeRequest(std::optional<std::string_view> name);
// S>C int 1 = accepted.
HsStatus claimToBeReply(std::span<const std::uint8_t> message);
// S>C int 1; the client sends nothing.
HsStatus anonymousReply(std::span<const std::uint8_t> message);

}  // namespace htcondor::security
