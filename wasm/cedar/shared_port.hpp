// SHARED_PORT_CONNECT (75): the first message on a connection to a daemon behind the shared
// port (SharedPortClient::sendSharedPortID). It is always plaintext and gets no reply: the
// shared port daemon hands the connection to the daemon registered under the id, which reads
// the client's next message as the first one.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "cedar/error.hpp"
#include "cedar/message.hpp"

namespace htcondor::cedar {

inline constexpr int64_t kSharedPortConnect = 75;
// The shared port daemon reads the id and the client name into 1024-byte buffers.
inline constexpr size_t kMaxSharedPortField = 1023;
// It refuses more extra strings than this.
inline constexpr size_t kMaxSharedPortExtras = 100;

struct SharedPortConnect {
  std::string sharedPortId;          // the sinful's sock= value, e.g. "collector"
  std::string clientName = "TOOL";   // informational; tools send their subsystem
  int64_t deadlineSeconds = -1;      // how long the client will wait; -1 = no deadline
  std::vector<std::string> extras;   // reserved by the protocol; always empty from HTCondor
};

// Shared port ids consist of A-Z a-z 0-9 . - _ (and are at most 1023 characters).
bool isValidSharedPortId(std::string_view id);

// The message payload (one message, to be framed and sent before the command).
Result<Bytes> encodeSharedPortConnect(const SharedPortConnect& request);
// The server side, for tests and captures.
Result<SharedPortConnect> decodeSharedPortConnect(std::span<const uint8_t> message);

// After SHARED_PORT_CONNECT the target daemon does not see the first message, so the
// handshake digests restart, except for "self" (the shared port daemon itself sees it all).
inline bool sharedPortConnectResetsDigests(std::string_view id) { return id != "self"; }

}  // namespace htcondor::cedar
