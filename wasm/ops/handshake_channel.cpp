#include "ops/handshake_channel.hpp"

#include <utility>

#include "security/auth_info.hpp"
#include "security/packet_transforms.hpp"

namespace htcondor::ops {

HandshakeChannel::HandshakeChannel(Io& io, int conn)
    : transcript(std::make_shared<security::HandshakeTranscript>()), io_(io), conn_(conn) {
  setTransform(std::make_shared<security::TranscriptRecorder>(transcript));
}

void HandshakeChannel::setTransform(std::shared_ptr<cedar::PacketTransform> transform) {
  encoder_.setTransform(transform);
  io_.setReceiveTransform(conn_, std::move(transform));
}

Status<Error> HandshakeChannel::sendMessage(std::span<const std::uint8_t> message) {
  auto wire = encoder_.encode(message);
  if (!wire) return failure(wire.error().message);
  io_.send(conn_, std::move(*wire));
  return std::monostate{};
}

Status<Error> HandshakeChannel::sendAuthenticate(const classad::ClassAd& ad) {
  auto message = security::encodeAuthenticateMessage(ad);
  if (!message) return failure(message.error().message);
  return sendMessage(*message);
}

Async<Result<Bytes, Error>> HandshakeChannel::receive(std::string what) {
  auto message = co_await nextMessage(io_, conn_);
  if (!message) co_return failure("no " + what + " from the daemon: " + message.error());
  co_return std::move(*message);
}

Async<Result<std::shared_ptr<classad::ClassAd>, Error>> HandshakeChannel::receiveAd(std::string what, bool encrypted) {
  auto message = co_await receive(what);
  if (!message) co_return failure(message.error());
  auto ad = security::decodeAdMessage(*message, encrypted, what);
  if (!ad) co_return failure(ad.error().message);
  co_return std::move(*ad);
}

}  // namespace htcondor::ops
