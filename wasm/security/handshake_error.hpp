// Errors of the command-connection security handshake (protocol doc sections 5 and 7). Each
// one ends the handshake; the message names the cause and, where two sides disagree, what each
// side offered, so a user can tell which configuration to change.
#pragma once

#include <string>
#include <utility>

#include "core/result.hpp"

namespace htcondor::security {

enum class HandshakeErrc {
  InvalidPolicy,        // the client's own levels contradict each other
  PolicyConflict,       // a REQUIRED meets a NEVER, or the server's answer breaks our policy
  MalformedMessage,     // a message or ad that does not have the expected form
  MissingAttribute,     // an ad lacks an attribute the protocol requires
  NoCommonMethod,       // no authentication method both sides support (or none left)
  UnsupportedMethod,    // the server chose something the client did not offer
  InvalidToken,         // an IDTOKENS token that cannot be parsed
  TokenExpired,
  UnknownKeyId,         // the token's kid is not among the server's IssuerKeys
  WrongIssuer,          // the token's iss is not the server's TrustDomain
  ServerRejected,       // the server refused our credentials (status -1 in a method message)
  ServerNotVerified,    // the server failed to prove it knows the shared secret
  Denied,               // ReturnCode other than AUTHORIZED
  SessionNotFound,      // resume: ReturnCode SID_NOT_FOUND
  Crypto,               // a key derivation or MAC failed
};

struct HandshakeError {
  HandshakeErrc code;
  std::string message;
};

template <class T>
using HsResult = htcondor::Result<T, HandshakeError>;
using HsStatus = htcondor::Status<HandshakeError>;

inline Failure<HandshakeError> hsFail(HandshakeErrc code, std::string message) {
  return Failure<HandshakeError>{HandshakeError{code, std::move(message)}};
}

inline HsStatus hsOk() { return HsStatus(std::monostate{}); }

}  // namespace htcondor::security
