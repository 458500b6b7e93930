// The embind surface of queue-call batches (protocol/qmgmt_calls.hpp): the main thread's
// Schedd puts its edits and commits into the bytes the worker's QMGMT conversation reads.
#include <emscripten/bind.h>

#include <string>

#include "handles.hpp"
#include "host_values.hpp"
#include "submit/submit_calls.hpp"
#include "protocol/qmgmt_calls.hpp"

namespace {

using emscripten::val;
using htcondor::protocol::QmgmtCall;

int64_t number(const val& call, const char* name) {
  const val v = call[name];
  return v.isNumber() ? static_cast<int64_t>(v.as<double>()) : 0;
}

std::string text(const val& call, const char* name) {
  const val v = call[name];
  return v.isString() ? v.as<std::string>() : std::string();
}

// calls: [{kind, cluster?, proc?, flags?, number?, name?, value?, text?}], kind a
// QmgmtCall::Kind number.
val encodeQmgmtCalls(const val& calls) {
  htcondor::protocol::QmgmtCallWriter out;
  const int n = calls["length"].as<int>();
  for (int i = 0; i < n; ++i) {
    const val c = calls[i];
    QmgmtCall call;
    call.kind = static_cast<QmgmtCall::Kind>(c["kind"].as<int>());
    call.cluster = number(c, "cluster");
    call.proc = number(c, "proc");
    call.flags = number(c, "flags");
    call.number = number(c, "number");
    call.name = text(c, "name");
    call.value = text(c, "value");
    call.text = text(c, "text");
    out.add(call);
  }
  return htcondor::bindings::uint8Array(out.take());
}

// Schedd.submitMany: procs is [[ad, count], ...].
val encodeRawSubmit(double clusterId, const htcondor::bindings::Ad& cluster, const val& procs, bool spool) {
  std::vector<htcondor::submit::ProcAds> ads;
  const int n = procs["length"].as<int>();
  for (int i = 0; i < n; ++i) {
    const val pair = procs[i];
    ads.push_back({pair[0].as<const htcondor::bindings::Ad&>().ad.get(), pair[1].as<int>()});
  }
  htcondor::protocol::QmgmtCallWriter out;
  htcondor::submit::writeRawSubmit(out, static_cast<int64_t>(clusterId), *cluster.ad, ads, spool);
  return htcondor::bindings::uint8Array(out.take());
}

}  // namespace

EMSCRIPTEN_BINDINGS(htcondor_qmgmt) {
  emscripten::function("encodeQmgmtCalls", &encodeQmgmtCalls);
  emscripten::function("encodeRawSubmit", &encodeRawSubmit);
}
