// Authentication method names and bits, and the client's side of method selection (protocol
// doc 5.5 step 3a/3b/3d and 7.1): offer a bitmask of the methods both sides support, learn the
// server's choice, drop a method that failed and offer the rest again.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cedar/packet.hpp"
#include "security/handshake_error.hpp"

namespace htcondor::security {

// The bit values are the wire values (condor_auth.h).
enum class AuthMethod : std::uint32_t {
  ClaimToBe = 2,
  Fs = 4,
  FsRemote = 8,
  Ntsspi = 16,
  Kerberos = 64,
  Anonymous = 128,
  Ssl = 256,
  Password = 512,
  Munge = 1024,
  Token = 2048,  // IDTOKENS
  SciTokens = 4096,
};

// The name sent in AuthMethods: "TOKEN" for IDTOKENS, since servers compare the client's names
// unchanged against their canonical "TOKEN" (7.1).
std::string_view methodName(AuthMethod method);
// A name as either side may write it: any case; IDTOKENS, IDTOKEN and TOKENS mean TOKEN.
std::optional<AuthMethod> methodFromName(std::string_view name);
std::optional<AuthMethod> methodFromBit(std::int64_t bit);

// HTCondor's comma lists ("TOKEN, SSL"): split at commas and spaces, empty items dropped.
std::vector<std::string> splitList(std::string_view list);
std::string joinList(const std::vector<std::string>& items);
std::string methodList(std::span<const AuthMethod> methods);

// Step 3: which method to try next. `serverList` is the response's AuthMethodsList (server
// preference order, already intersected with what the client sent); `clientMethods` are the
// methods this client can run, in its own order.
class MethodSelector {
 public:
  MethodSelector(std::vector<std::string> serverList, std::vector<AuthMethod> clientMethods);

  // The methods still worth offering, in the server's order.
  const std::vector<AuthMethod>& remaining() const { return remaining_; }
  std::uint32_t bitmask() const;
  // Step 3a's message: the bitmask of remaining(). Fails (naming both sides' lists) when
  // nothing is left; a client that still wants to give up politely sends encodeGiveUp().
  HsResult<cedar::Bytes> offer() const;
  // Step 3b: the server's chosen bit. 0 means no method: an error naming what was offered.
  HsResult<AuthMethod> choice(std::span<const std::uint8_t> message) const;
  // A method that failed is not offered again (HTCondor's client does the same).
  void failed(AuthMethod method);

 private:
  std::vector<std::string> serverList_;
  std::vector<AuthMethod> clientMethods_;
  std::vector<AuthMethod> remaining_;
};

// Bitmask 0: the client gives up on authentication (the server answers int 0; fine only when
// the response said AuthRequired = false).
cedar::Bytes encodeGiveUp();

// Step 3d (Authentication::exchangeKey): int hasKey. With ECDH the server sends 0; a wrapped
// legacy key (1) is refused, since this client never negotiates one.
HsStatus checkKeyExchange(std::span<const std::uint8_t> message);

// One message holding a single int, as steps 3a/3b/3d use.
cedar::Bytes encodeIntMessage(std::int64_t value);
HsResult<std::int64_t> decodeIntMessage(std::span<const std::uint8_t> message, std::string_view what);

}  // namespace htcondor::security
