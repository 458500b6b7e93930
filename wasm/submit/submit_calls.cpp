#include "submit/submit_calls.hpp"

#include "classad/eval.hpp"
#include "classad/tree_build.hpp"
#include "classad/unparse.hpp"
#include "submit/job_ad_builder.hpp"
#include "submit/spool_hold.hpp"

namespace htcondor::submit {

namespace {

using protocol::QmgmtCall;

void setAttribute(protocol::QmgmtCallWriter& out, int64_t proc, const std::string& name, const classad::ExprTree& value) {
  QmgmtCall call;
  call.kind = QmgmtCall::Kind::SetAttribute;
  call.proc = proc;
  call.name = name;
  call.value = classad::unparse(value, classad::Style::Old);
  out.add(call);
}

// `first` leads (the schedd files ClusterId/ProcId before anything else), then the rest.
void setAttributes(protocol::QmgmtCallWriter& out, int64_t proc, const classad::ClassAd& ad, std::initializer_list<const char*> first) {
  for (const char* name : first)
    if (auto v = ad.lookup(name)) setAttribute(out, proc, name, *v);
  for (const auto& [name, value] : ad.attributes()) {
    bool led = false;
    for (const char* f : first) led = led || name == f;
    if (!led) setAttribute(out, proc, name, *value);
  }
}

}  // namespace

void writeClusterAd(protocol::QmgmtCallWriter& out, const classad::ClassAd& cluster) { setAttributes(out, -1, cluster, {"ClusterId"}); }

namespace {

// A copy to change: its expressions copied too, as inserting sets their scope.
std::unique_ptr<classad::ClassAd> copyOf(const classad::ClassAd& ad) {
  auto out = std::make_unique<classad::ClassAd>();
  for (const auto& [name, expr] : ad.attributes()) out->insert(name, classad::deepCopy(*expr));
  return out;
}

}  // namespace

void writeRawSubmit(protocol::QmgmtCallWriter& out, int64_t clusterId, const classad::ClassAd& cluster, const std::vector<ProcAds>& procs,
                    bool spool) {
  auto clusterAd = copyOf(cluster);
  clusterAd->insert("ClusterId", classad::makeLiteral(classad::Value::integer(clusterId)));
  if (spool) holdForSpooling(*clusterAd);
  writeClusterAd(out, *clusterAd);
  int64_t proc = 0;
  for (const auto& [ad, count] : procs) {
    auto procAd = copyOf(*ad);
    if (spool) holdForSpooling(*procAd);
    for (int i = 0; i < count; ++i, ++proc) {
      QmgmtCall newProc;
      newProc.kind = QmgmtCall::Kind::NewProc;
      newProc.proc = proc;
      out.add(newProc);
      procAd->insert("ClusterId", classad::makeLiteral(classad::Value::integer(clusterId)));
      procAd->insert("ProcId", classad::makeLiteral(classad::Value::integer(proc)));
      setAttributes(out, proc, *procAd, {"ProcId", "JobStatus"});
    }
  }
}

Result<int> SubmitCalls::write(protocol::QmgmtCallWriter& out, int maxProcs) {
  int written = 0;
  while (written < maxProcs) {
    auto next = jobs_.next();
    if (!next) return failure(next.error());
    if (!*next) break;
    classad::ClassAd& ad = **next;
    if (spool_) holdForSpooling(ad);
    auto procId = classad::evaluateAttr(ad, "ProcId");
    const int64_t proc = procId && procId->isInteger() ? procId->asInteger() : 0;

    QmgmtCall newProc;
    newProc.kind = QmgmtCall::Kind::NewProc;
    newProc.proc = proc;
    out.add(newProc);
    if (!cluster_) {
      cluster_ = clusterAdOf(ad);
      writeClusterAd(out, *cluster_);
    }
    setAttributes(out, proc, *procDelta(*cluster_, ad), {"ProcId", "JobStatus"});
    ++written;
  }
  return written;
}

}  // namespace htcondor::submit
