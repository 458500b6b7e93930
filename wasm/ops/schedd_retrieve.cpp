#include "ops/schedd_retrieve.hpp"

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "cedar/classad_wire.hpp"
#include "classad/eval.hpp"
#include "classad/typed_json.hpp"
#include "config/config_text.hpp"
#include "ops/transfer_command.hpp"
#include "transfer/download.hpp"
#include "transfer/transfer_protocol.hpp"

namespace htcondor::ops {

namespace {

constexpr std::int64_t kTransferDataWithPerms = 489;

// The schedd rewrote Iwd, TransferOutputRemaps, ... to spool paths when the job was submitted
// and kept the originals as SUBMIT_<name>: outputs go where the submitter meant them to.
void restoreSubmitValues(classad::ClassAd& job) {
  std::vector<std::pair<std::string, classad::ExprPtr>> originals;
  for (const auto& [name, expr] : job.attributes()) {
    if (name.size() > 7 && config::startsWithIgnoreCase(name, "SUBMIT_"))
      originals.emplace_back(name.substr(7), expr);
  }
  for (auto& [name, expr] : originals) job.insert(std::move(name), std::move(expr));
}

std::string stringAttr(const classad::ClassAd& ad, std::string_view name) {
  auto v = classad::evaluateAttr(ad, name);
  return v && v->isString() ? v->asString() : std::string();
}


}  // namespace

Task scheddRetrieve(Io& io, security::SessionCache& sessions, SecurityOptions security, ScheddRetrieve request) {
  auto opened = co_await openTransferCommand(io, sessions, security, request.address, kTransferDataWithPerms, request.deadline);
  if (!opened) co_return io.finish(opened.error().message, opened.error().kind);
  auto& c = *opened->connection;
  auto& hello = opened->request;
  hello.putString(request.constraint);
  if (auto sent = c.send(std::move(hello)); !sent) co_return io.finish(sent.error());

  auto countMessage = co_await c.receive();
  if (!countMessage) co_return io.finish("Can't receive JobAdsArrayLen from the schedd: " + countMessage.error());
  auto countIn = c.reader(*countMessage);
  auto count = countIn.getInt64();
  if (!count || *count < 0) co_return io.finish(std::string("the schedd sent a malformed job count"));

  for (std::int64_t i = 0; i < *count; ++i) {
    auto adMessage = co_await c.receive();
    if (!adMessage) co_return io.finish("Can't receive job ad " + std::to_string(i) + " from the schedd: " + adMessage.error());
    auto adIn = c.reader(*adMessage);
    auto job = cedar::getClassAd(adIn);
    if (!job) co_return io.finish("the schedd sent a malformed job ad: " + job.error().message);
    restoreSubmitValues(**job);
    const auto cluster = classad::evaluateInteger(**job, "ClusterId").value_or(-1);
    const auto proc = classad::evaluateInteger(**job, "ProcId").value_or(-1);
    io.emit("{\"job\":{\"cluster\":" + std::to_string(cluster) + ",\"proc\":" + std::to_string(proc) +
            ",\"iwd\":" + classad::jsonString(stringAttr(**job, "Iwd")) + "}}");
    auto downloaded = co_await transfer::downloadSandbox(io, c, stringAttr(**job, "TransferOutputRemaps"));
    if (!downloaded)
      co_return io.finish("File transfer failed for target job " + std::to_string(cluster) + "." +
                          std::to_string(proc) + ": " + downloaded.error());
  }
  auto ok = c.writer();
  ok.putInt(transfer::kSpoolOk);
  if (auto sent = c.send(std::move(ok)); !sent) co_return io.finish(sent.error());
  io.finish(std::nullopt);
}

}  // namespace htcondor::ops
