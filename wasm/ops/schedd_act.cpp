#include "ops/schedd_act.hpp"

#include "cedar/classad_wire.hpp"
#include "classad/eval.hpp"
#include "ops/ad_request.hpp"
#include "classad/unparse.hpp"

namespace htcondor::ops {

namespace {

inline constexpr std::int64_t kActOnJobs = 478;

}  // namespace

Task scheddAct(Io& io, security::SessionCache& sessions, SecurityOptions security, ScheddAct request) {
  auto opened = co_await sendRequestAd(io, sessions, security, request.address, kActOnJobs, request.requestAd, request.deadline);
  if (!opened) co_return io.finish(opened.error().message, opened.error().kind);
  auto& c = **opened;

  // A request the schedd cannot take is answered with int 0 instead of an ad, then closed.
  auto reply = co_await c.receive();
  if (!reply) co_return io.finish("the schedd gave no result for the action: " + reply.error());
  auto in = c.reader(*reply);
  auto result = cedar::getClassAd(in);
  if (!result) co_return io.finish("the schedd refused the action request");
  auto acted = classad::evaluateAttr(**result, "ActionResult");
  if (acted && acted->isInteger() && acted->asInteger() == 1) {
    auto still = c.writer();
    still.putInt(1);
    if (auto sent = c.send(std::move(still)); !sent) co_return io.finish(sent.error());
    auto confirm = co_await c.receive();
    if (!confirm) co_return io.finish("the schedd did not confirm the action: " + confirm.error());
    auto ok = c.reader(*confirm).getInt64();
    if (!ok || *ok != 1) co_return io.finish("the schedd could not commit the action");
  }
  io.emit(classad::unparse(**result));
  io.finish(std::nullopt);
}

Task plainCommand(Io& io, security::SessionCache& sessions, SecurityOptions security, PlainCommand request) {
  auto target = CommandRequest::to(request.address, request.command);
  if (!target) co_return io.finish(target.error(), ErrorKind::Value);
  if (request.deadline > 0) io.setDeadline(request.deadline);
  auto connection = co_await startCommand(io, sessions, security, *target);
  if (!connection) co_return io.finish(connection.error());
  if (auto sent = (*connection)->send((*connection)->writer()); !sent) co_return io.finish(sent.error());
  io.finish(std::nullopt);
}

}  // namespace htcondor::ops
