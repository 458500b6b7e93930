// The errors of the CEDAR wire layer (framing, primitives, ClassAds on the wire). Every one of
// them means the connection cannot go on: HTCondor's peers drop the connection in those cases.
#pragma once

#include <string>

#include "core/result.hpp"

namespace htcondor::cedar {

enum class Errc {
  BadPacketLength,    // packet length 0 or above 1 MiB
  BadEndFlag,         // packet end flag outside 0..10
  MultiPacketRefused, // low-data mode: a packet with end flag 0
  MessageTooLarge,    // a message above the decoder's configured limit
  TransformFailed,    // the per-packet transform (e.g. AES-GCM) refused a packet
  Truncated,          // read past the end of the message
  UntouchedBytes,     // a message finished with bytes left unread
  IntegerOverflow,    // an int that does not fit the 32 bits it is read into
  BadString,          // string without terminator, bad length prefix, NULL where not allowed
  StringHasNul,       // a string to send contains a NUL byte
  BadAttributeCount,  // ClassAd attribute count negative or above the limit
  BadAttribute,       // a ClassAd attribute line that does not parse
  BadArgument,        // a value the caller asked to send that the peer would refuse
};

// A stable name for the code, for messages and tests ("BadPacketLength", ...).
const char* errcName(Errc code);

struct Error {
  Errc code;
  std::string message;  // human-readable detail: what was wrong, where
};

template <class T>
using Result = htcondor::Result<T, Error>;
using Status = htcondor::Status<Error>;

inline Failure<Error> fail(Errc code, std::string message) {
  return Failure<Error>{Error{code, std::move(message)}};
}

inline Status ok() { return Status(std::monostate{}); }

}  // namespace htcondor::cedar
