#include "ops/schedd_act.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "cedar/classad_wire.hpp"
#include "classad/eval.hpp"
#include "classad/literals.hpp"
#include "classad/unparse.hpp"
#include "ops/ad_request.hpp"

namespace htcondor::ops {

namespace {

inline constexpr std::int64_t kActOnJobs = 478;
inline constexpr std::int64_t kResultLong = 1;  // AR_LONG: job_<C>_<P> / cluster_<C> = a result each
inline constexpr std::size_t kSuccess = 1;      // AR_SUCCESS
inline constexpr std::size_t kDenied = 5;       // AR_PERMISSION_DENIED
inline constexpr std::size_t kResults = 6;      // AR_ERROR .. AR_PERMISSION_DENIED: result_total_0 .. _5

std::int64_t intAttr(const classad::ClassAd& ad, std::string_view name) { return classad::evaluateInteger(ad, name).value_or(0); }

// condor_rm's words for an action (DCSchedd's per-job result strings).
std::string_view verb(std::int64_t action) {
  switch (action) {
    case 1: return "hold";
    case 2: return "release";
    case 3: return "remove";
    case 4: return "force removal of";
    case 5: return "vacate";
    case 6: return "fast-vacate";
    case 8: return "suspend";
    case 9: return "continue";
    default: return "act on";
  }
}

// What the schedd did, per result kind, and the jobs it refused ("C.P", "C" for a cluster).
struct Outcome {
  std::array<std::int64_t, kResults> totals{};
  std::vector<std::string> denied;
};

Outcome perJobOutcome(const classad::ClassAd& ad) {
  Outcome out;
  for (const auto& [name, expr] : ad.attributes()) {
    std::string id;
    if (name.starts_with("job_")) {
      id = name.substr(4);
      std::replace(id.begin(), id.end(), '_', '.');
    } else if (name.starts_with("cluster_")) {
      id = name.substr(8);
    } else {
      continue;
    }
    const auto result = intAttr(ad, name);
    if (result >= 0 && static_cast<std::size_t>(result) < kResults) ++out.totals[static_cast<std::size_t>(result)];
    if (result == static_cast<std::int64_t>(kDenied)) out.denied.push_back(std::move(id));
  }
  return out;
}

Outcome totalsOutcome(const classad::ClassAd& ad) {
  Outcome out;
  for (std::size_t i = 0; i < kResults; ++i) out.totals[i] = intAttr(ad, "result_total_" + std::to_string(i));
  return out;
}

// Jobs named by id are acted on all or none; a constraint acts on the caller's jobs among those
// it matches, and is refused only when it matches nothing but other users' jobs.
std::optional<std::string> refusal(const Outcome& o, std::int64_t action) {
  if (!o.denied.empty()) {
    std::string jobs;
    for (const auto& id : o.denied) jobs += (jobs.empty() ? "" : ", ") + id;
    return std::string("Permission denied to ").append(verb(action)).append(o.denied.size() == 1 ? " job " : " jobs ")
        .append(jobs).append("; nothing was changed");
  }
  if (o.totals[kSuccess] == 0 && o.totals[kDenied] > 0) {
    return std::string("Permission denied to ").append(verb(action)).append(" any of the ")
        .append(std::to_string(o.totals[kDenied])).append(" jobs the constraint matches; nothing was changed");
  }
  return std::nullopt;
}

}  // namespace

Task scheddAct(Io& io, security::SessionCache& sessions, SecurityOptions security, ScheddAct request) {
  auto opened = co_await sendRequestAd(io, sessions, security, request.address, kActOnJobs, request.requestAd, request.deadline, false);
  if (!opened) co_return io.finish(opened.error().message, opened.error().kind);
  auto& c = **opened;

  // A request the schedd cannot take is answered with int 0 instead of an ad, then closed.
  auto reply = co_await c.receive();
  if (!reply) co_return io.finish("the schedd gave no result for the action: " + reply.error());
  auto in = c.reader(*reply);
  auto result = cedar::getClassAd(in);
  if (!result) co_return io.finish("the schedd refused the action request");
  auto& ad = **result;
  const bool perJob = intAttr(ad, "ActionResultType") == kResultLong;
  const Outcome outcome = perJob ? perJobOutcome(ad) : totalsOutcome(ad);
  const auto refused = refusal(outcome, intAttr(ad, "JobAction"));
  // Having acted on something, the schedd commits only once we answer 1 ("still here"); 0
  // has it abort the whole transaction (and skip the signals of vacate and suspend).
  if (intAttr(ad, "ActionResult") == 1) {
    auto still = c.writer();
    still.putInt(refused ? 0 : 1);
    if (auto sent = c.send(std::move(still)); !sent) co_return io.finish(sent.error());
    if (!refused) {
      auto confirm = co_await c.receive();
      if (!confirm) co_return io.finish("the schedd did not confirm the action: " + confirm.error());
      auto ok = c.reader(*confirm).getInt64();
      if (!ok || *ok != 1) co_return io.finish("the schedd could not commit the action");
    }
  }
  if (refused) co_return io.finish(*refused);
  if (perJob) {
    for (std::size_t i = 0; i < kResults; ++i) ad.insert("result_total_" + std::to_string(i), classad::literalOf(classad::Value::integer(outcome.totals[i])));
  }
  io.emit(classad::unparse(ad));
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
