#include "submit/spool_hold.hpp"

#include <string>

#include "classad/eval.hpp"
#include "classad/parser.hpp"
#include "classad/tree_build.hpp"

namespace htcondor::submit {

namespace {

namespace cl = classad;

constexpr int kHeld = 5;
constexpr int kSpoolingInputHoldCode = 16;
constexpr int kTenDays = 60 * 60 * 24 * 10;

std::string basename(const std::string& path) {
  const auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// A stream written to a path (not a bare name, not /dev/null, not streamed) is written in the
// spool as `spoolName` and remapped to that path on retrieval.
void remapStream(cl::ClassAd& ad, const char* attr, const char* streamAttr, const char* spoolName) {
  auto streamed = cl::evaluateAttr(ad, streamAttr);
  bool streaming = false;
  if (streamed) cl::booleanEquivalent(*streamed, streaming);
  auto value = cl::evaluateAttr(ad, attr);
  if (streaming || !value || !value->isString()) return;
  std::string path = value->asString();
  if (path == "/dev/null" || basename(path) == path) return;
  // Remap lists separate entries with ';' and name from path with '='.
  std::erase_if(path, [](char c) { return c == '\\' || c == ';' || c == '='; });
  ad.insert(attr, cl::makeLiteral(cl::Value::string(spoolName)));
  auto remaps = cl::evaluateAttr(ad, "TransferOutputRemaps");
  std::string list = remaps && remaps->isString() ? remaps->asString() : std::string();
  if (!list.empty()) list += ";";
  list += std::string(spoolName) + "=" + path;
  ad.insert("TransferOutputRemaps", cl::makeLiteral(cl::Value::string(list)));
}

}  // namespace

void holdForSpooling(cl::ClassAd& ad) {
  ad.insert("JobStatus", cl::makeLiteral(cl::Value::integer(kHeld)));
  ad.insert("HoldReason", cl::makeLiteral(cl::Value::string("Spooling input data files")));
  ad.insert("HoldReasonCode", cl::makeLiteral(cl::Value::integer(kSpoolingInputHoldCode)));
  ad.insert("LeaveJobInQueue",
            cl::parseExpression("JobStatus == 4 && ( CompletionDate =?= UNDEFINED || CompletionDate == 0 || ((time() - CompletionDate) < " +
                                std::to_string(kTenDays) + "))"));
  remapStream(ad, "Out", "StreamOut", "_condor_stdout");
  remapStream(ad, "Err", "StreamErr", "_condor_stderr");
}

}  // namespace htcondor::submit
