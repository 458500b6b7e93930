#include "ops/ad_command.hpp"

#include <utility>

#include "cedar/classad_wire.hpp"
#include "classad/parser.hpp"
#include "classad/unparse.hpp"

namespace htcondor::ops {

Task adCommand(Io& io, security::SessionCache& sessions, SecurityOptions security, AdCommand request) {
  auto target = CommandRequest::to(request.address, request.command);
  if (!target) co_return io.finish(target.error(), ErrorKind::Value);
  classad::Parser parser(request.requestAd);
  auto ad = parser.parseClassAd(true);
  if (!ad) co_return io.finish("the request ad does not parse: " + request.requestAd, ErrorKind::Value);
  if (request.deadline > 0) io.setDeadline(request.deadline);

  auto connection = co_await startCommand(io, sessions, security, *target);
  if (!connection) co_return io.finish(connection.error());
  auto& c = **connection;
  if (auto sent = c.sendAd(*ad); !sent) co_return io.finish(sent.error());

  for (;;) {
    auto reply = co_await c.receive();
    if (!reply) co_return io.finish("no answer from the daemon: " + reply.error());
    auto in = c.reader(*reply);
    auto answer = cedar::getClassAd(in);
    if (!answer) co_return io.finish("the daemon's answer is malformed: " + answer.error().message);
    io.emit(classad::unparse(**answer));
    if (!request.endMarker || (*answer)->lookup(*request.endMarker)) break;
  }
  io.finish(std::nullopt);
}

}  // namespace htcondor::ops
