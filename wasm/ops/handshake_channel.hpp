// The connection while the command handshake runs: every plaintext packet either way goes
// through the transcript recorder (protocol doc 6.4) until a session key replaces it, and
// each step's message is read whole, named in errors by what it was expected to be.
#pragma once

#include <memory>
#include <span>
#include <string>

#include "cedar/packet.hpp"
#include "classad/classad.hpp"
#include "ops/async.hpp"
#include "ops/task.hpp"
#include "security/handshake_digest.hpp"

namespace htcondor::ops {

class HandshakeChannel {
 public:
  HandshakeChannel(Io& io, int conn);

  std::shared_ptr<security::HandshakeTranscript> transcript;

  // Crypto on (AES-GCM) or off (null: plaintext, no more recording), both directions.
  void setTransform(std::shared_ptr<cedar::PacketTransform> transform);

  Status<Error> sendMessage(std::span<const std::uint8_t> message);
  // int DC_AUTHENTICATE + the ad (an auth-info or resume ad).
  Status<Error> sendAuthenticate(const classad::ClassAd& ad);

  // The next message; `what` names it in the error when the daemon closes instead.
  Async<Result<Bytes, Error>> receive(std::string what);
  Async<Result<std::shared_ptr<classad::ClassAd>, Error>> receiveAd(std::string what, bool encrypted);

 private:
  Io& io_;
  int conn_;
  cedar::PacketEncoder encoder_;
};

}  // namespace htcondor::ops
