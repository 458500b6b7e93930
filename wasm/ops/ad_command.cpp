#include "ops/ad_command.hpp"

#include <utility>

#include "cedar/classad_wire.hpp"
#include "classad/unparse.hpp"
#include "ops/ad_request.hpp"

namespace htcondor::ops {

Task adCommand(Io& io, security::SessionCache& sessions, SecurityOptions security, AdCommand request) {
  auto opened = co_await sendRequestAd(io, sessions, security, request.address, request.command, request.requestAd, request.deadline,
                                    false);
  if (!opened) co_return io.finish(opened.error().message, opened.error().kind);
  auto& c = **opened;

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
