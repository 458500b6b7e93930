#include "transfer/transfer_ads.hpp"

#include <memory>
#include <optional>
#include <string_view>

#include "classad/eval.hpp"
#include "classad/expr.hpp"
#include "transfer/transfer_protocol.hpp"

namespace htcondor::transfer {

namespace {

void insertInt(classad::ClassAd& ad, std::string name, std::int64_t value) {
  ad.insert(std::move(name), std::make_shared<classad::Literal>(classad::Value::integer(value)));
}

// HTCondor's hold reason, or a description of the ad when the peer gave none.
std::string reasonOf(const classad::ClassAd& ad, std::string_view what) {
  auto v = classad::evaluateAttr(ad, "HoldReason");
  std::string reason = v && v->isString() ? v->asString() : std::string();
  if (reason.empty()) reason = std::string(what) + " without a reason";
  if (auto code = classad::evaluateInteger(ad, "HoldReasonCode"); code && *code != 0) {
    reason += " (hold code " + std::to_string(*code);
    if (auto sub = classad::evaluateInteger(ad, "HoldReasonSubCode")) reason += ", subcode " + std::to_string(*sub);
    reason += ")";
  }
  return reason;
}

}  // namespace

std::shared_ptr<classad::ClassAd> transferInfoAd(std::int64_t sandboxSize) {
  auto ad = std::make_shared<classad::ClassAd>();
  insertInt(*ad, "SandboxSize", sandboxSize);
  return ad;
}

std::int64_t sandboxSizeOf(const classad::ClassAd& info) { return classad::evaluateInteger(info, "SandboxSize").value_or(0); }

std::shared_ptr<classad::ClassAd> goAheadAd(bool downloading) {
  auto ad = std::make_shared<classad::ClassAd>();
  insertInt(*ad, "Result", kGoAheadAlways);
  if (downloading) insertInt(*ad, "MaxTransferBytes", -1);
  return ad;
}

Result<std::int64_t, std::string> goAheadResult(const classad::ClassAd& ad) {
  auto result = classad::evaluateInteger(ad, "Result");
  if (!result) return failure(std::string("the go-ahead message has no Result"));
  if (*result < 0) return failure(reasonOf(ad, "the peer refused the transfer"));
  return *result;
}

std::shared_ptr<classad::ClassAd> successAckAd(std::int64_t files) {
  auto ad = std::make_shared<classad::ClassAd>();
  insertInt(*ad, "Result", 0);
  auto stats = std::make_shared<classad::ClassAd>();
  insertInt(*stats, "CedarFilesCount", files);
  ad->insert("TransferStats", stats);
  return ad;
}

Status<std::string> checkAck(const classad::ClassAd& ad) {
  auto result = classad::evaluateInteger(ad, "Result");
  if (!result) return failure(std::string("the transfer acknowledgement has no Result"));
  if (*result != 0) return failure(reasonOf(ad, "the transfer failed"));
  return std::monostate{};
}

Status<std::string> checkUrlUploadReport(const classad::ClassAd& ad) {
  const auto sub = classad::evaluateInteger(ad, "SubCommand");
  if (sub != kSubCommandUploadUrl)
    return failure("the daemon sent transfer subcommand " + (sub ? std::to_string(*sub) : std::string("(none)")) +
                   ", which a client downloading output does not take");
  if (classad::evaluateInteger(ad, "Result").value_or(-1) == 0) return std::monostate{};
  auto error = classad::evaluateAttr(ad, "ErrorString");
  return failure("the daemon's upload of an output to a URL failed: " +
                 (error && error->isString() ? error->asString() : std::string("no reason given")));
}

}  // namespace htcondor::transfer
