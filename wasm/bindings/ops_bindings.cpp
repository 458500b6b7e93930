// The embind surface of network operations (ops/io.hpp): the host starts one, then alternates
// poll() (the next action, as a plain object) with the callbacks that report what happened.
// The session cache is the worker's, shared by every operation it runs (HTCondor's SecMan).
#include <emscripten/bind.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "bindings/host_values.hpp"
#include "bindings/security_handle.hpp"
#include "ops/ad_command.hpp"
#include "ops/ad_stream.hpp"
#include "ops/collector_advertise.hpp"
#include "ops/collector_query.hpp"
#include "ops/ping.hpp"
#include "ops/qmgmt.hpp"
#include "ops/schedd_act.hpp"
#include "ops/schedd_retrieve.hpp"
#include "ops/schedd_spool.hpp"
#include "security/session_cache.hpp"

namespace {

using emscripten::val;
namespace ops = htcondor::ops;
namespace sec = htcondor::security;
using htcondor::bindings::Security;

sec::SessionCache& sessionCache() {
  static sec::SessionCache cache;
  return cache;
}

// An operation and the I/O state it runs on, kept together for the host.
class Operation {
 public:
  explicit Operation(const std::function<ops::Task(ops::Io&)>& start) : task_(start(io_)) { task_.start(); }

  // The next action's kind (ops::Action::Kind as a number); its details are read with the
  // methods below until the next poll. Numbers and single values cross without an object per
  // action, which an operation makes several of per message. A binary result takes the results
  // that follow it along (the ads of a query answer, pieces of a file): one crossing for them
  // all, with where each ends.
  int poll() {
    action_ = io_.poll();
    ends_.clear();
    if (action_.binary) {
      ends_.push_back(static_cast<std::uint32_t>(action_.bytes.size()));
      while (auto more = io_.pollMoreBytes()) {
        action_.bytes.insert(action_.bytes.end(), more->begin(), more->end());
        ends_.push_back(static_cast<std::uint32_t>(action_.bytes.size()));
      }
    }
    return static_cast<int>(action_.kind);
  }
  int conn() const { return action_.conn; }
  std::string host() const { return action_.host; }
  int port() const { return action_.port; }
  double at() const { return action_.at; }
  std::string text() const { return action_.text; }
  int errorKind() const { return static_cast<int>(action_.errorKind); }
  bool binary() const { return action_.binary; }
  // Views into the core's memory, valid until the next call into the core: the host copies
  // them (a copy made in JavaScript costs less than one made through embind).
  val bytes() const { return val(emscripten::typed_memory_view(action_.bytes.size(), action_.bytes.data())); }
  val ends() const { return val(emscripten::typed_memory_view(ends_.size(), ends_.data())); }
  void onConnected(int conn) { io_.onConnected(conn); }
  void onConnectFailed(int conn, const std::string& why) { io_.onConnectFailed(conn, why); }
  // The bytes arrive as embind's std::string (one copy into the core's memory from a Uint8Array).
  void onData(int conn, const std::string& bytes) {
    io_.onData(conn, std::span(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()));
  }
  void onClosed(int conn) { io_.onClosed(conn); }
  void onTimer(double now) { io_.onTimer(now); }
  void extendDeadline(double seconds) { io_.extendDeadline(seconds); }
  // Text (a string) or bytes (a Uint8Array), as the operation's conversation defines it.
  void onInput(const val& input) {
    if (input.isString()) {
      const auto text = input.as<std::string>();
      io_.onInput(ops::Bytes(text.begin(), text.end()));
    } else {
      io_.onInput(htcondor::bindings::byteCopy(input));
    }
  }

 private:
  ops::Io io_;
  ops::Task task_;
  ops::Action action_;
  std::vector<std::uint32_t> ends_;  // a binary result's: where each record ends in action_.bytes
};

// One of the core's operations (wasm/ops: op(io, sessions, security, request)) run with the
// caller's security settings and the worker's session cache.
template <class Request>
std::unique_ptr<Operation> secured(const Security& security,
                                   ops::Task (*op)(ops::Io&, sec::SessionCache&, ops::SecurityOptions, Request),
                                   Request request) {
  return std::make_unique<Operation>(
      [&](ops::Io& io) { return op(io, sessionCache(), security.forOperation(), std::move(request)); });
}

// `locationQuery`: the daemon's name for locate, else null. Strings cross as arguments (one
// copy each), not as properties of an object read one call at a time.
std::unique_ptr<Operation> collectorQuery(const std::string& address, double command, const std::string& targetType,
                                          const std::string& constraint, const val& projection,
                                          const std::string& statistics, const val& locationQuery, double deadline,
                                          const Security& security) {
  ops::CollectorQuery q;
  q.address = address;
  q.command = static_cast<int64_t>(command);
  q.targetType = targetType;
  q.constraint = constraint;
  q.projection = emscripten::vecFromJSArray<std::string>(projection);
  q.statistics = statistics;
  if (locationQuery.isString()) q.locationQuery = locationQuery.as<std::string>();
  q.deadline = deadline;
  return secured(security, &ops::collectorQuery, std::move(q));
}

std::unique_ptr<Operation> ping(const std::string& address, double checkedCommand, double deadline,
                                const Security& security) {
  ops::PingRequest request;
  request.address = address;
  request.checkedCommand = static_cast<std::int64_t>(checkedCommand);
  request.deadline = deadline;
  return secured(security, &ops::ping, std::move(request));
}

std::unique_ptr<Operation> collectorAdvertise(const std::string& address, double command, const val& ads,
                                              double deadline, const Security& security) {
  ops::CollectorAdvertise request;
  request.address = address;
  request.command = static_cast<std::int64_t>(command);
  request.ads = emscripten::vecFromJSArray<std::string>(ads);
  request.deadline = deadline;
  return secured(security, &ops::collectorAdvertise, std::move(request));
}

std::unique_ptr<Operation> adCommand(const std::string& address, double command, const std::string& requestAd,
                                     const val& endMarker, double deadline, const Security& security) {
  ops::AdCommand request;
  request.address = address;
  request.command = static_cast<std::int64_t>(command);
  request.requestAd = requestAd;
  if (endMarker.isString()) request.endMarker = endMarker.as<std::string>();
  request.deadline = deadline;
  return secured(security, &ops::adCommand, std::move(request));
}

std::unique_ptr<Operation> adStream(const std::string& address, double command, const std::string& requestAd,
                                    double deadline, const Security& security) {
  ops::AdStreamRequest request{address, static_cast<std::int64_t>(command), requestAd, deadline};
  return secured(security, &ops::adStream, std::move(request));
}

std::unique_ptr<Operation> qmgmt(const std::string& address, bool write, double deadline, const Security& security) {
  ops::QmgmtOpen request{address, write, deadline};
  return secured(security, &ops::qmgmt, std::move(request));
}

std::unique_ptr<Operation> scheddAct(const std::string& address, const std::string& requestAd, double deadline,
                                     const Security& security) {
  ops::ScheddAct request{address, requestAd, deadline};
  return secured(security, &ops::scheddAct, std::move(request));
}

std::unique_ptr<Operation> plainCommand(const std::string& address, double command, double deadline, const Security& security) {
  ops::PlainCommand request{address, static_cast<std::int64_t>(command), deadline};
  return secured(security, &ops::plainCommand, std::move(request));
}

// `jobs`: [{cluster, proc, entries: [{name, directory, mode, size}]}].
std::unique_ptr<Operation> scheddSpool(const std::string& address, const val& jobs, double deadline,
                                       const Security& security) {
  ops::ScheddSpool request;
  request.address = address;
  request.deadline = deadline;
  for (const val& job : emscripten::vecFromJSArray<val>(jobs)) {
    ops::SpoolJob spoolJob;
    spoolJob.cluster = static_cast<std::int64_t>(job["cluster"].as<double>());
    spoolJob.proc = static_cast<std::int64_t>(job["proc"].as<double>());
    for (const val& entry : emscripten::vecFromJSArray<val>(job["entries"])) {
      spoolJob.entries.push_back({entry["name"].as<std::string>(), entry["directory"].as<bool>(),
                                  static_cast<std::int64_t>(entry["mode"].as<double>()),
                                  static_cast<std::int64_t>(entry["size"].as<double>())});
    }
    request.jobs.push_back(std::move(spoolJob));
  }
  return secured(security, &ops::scheddSpool, std::move(request));
}

std::unique_ptr<Operation> scheddRetrieve(const std::string& address, const std::string& constraint, double deadline,
                                          const Security& security) {
  ops::ScheddRetrieve request{address, constraint, deadline};
  return secured(security, &ops::scheddRetrieve, std::move(request));
}

void invalidateAllSessions() { sessionCache() = sec::SessionCache(); }

}  // namespace

EMSCRIPTEN_BINDINGS(htcondor_ops) {
  using namespace emscripten;
  class_<Operation>("Operation")
      .function("poll", &Operation::poll)
      .function("conn", &Operation::conn)
      .function("host", &Operation::host)
      .function("port", &Operation::port)
      .function("at", &Operation::at)
      .function("text", &Operation::text)
      .function("errorKind", &Operation::errorKind)
      .function("binary", &Operation::binary)
      .function("bytes", &Operation::bytes)
      .function("ends", &Operation::ends)
      .function("onConnected", &Operation::onConnected)
      .function("onConnectFailed", &Operation::onConnectFailed)
      .function("onData", &Operation::onData)
      .function("onClosed", &Operation::onClosed)
      .function("onTimer", &Operation::onTimer)
      .function("onInput", &Operation::onInput)
      .function("extendDeadline", &Operation::extendDeadline);
  function("collectorQuery", &collectorQuery);
  function("collectorAdvertise", &collectorAdvertise);
  function("adCommand", &adCommand);
  function("ping", &ping);
  function("adStream", &adStream);
  function("qmgmt", &qmgmt);
  function("scheddAct", &scheddAct);
  function("plainCommand", &plainCommand);
  function("scheddSpool", &scheddSpool);
  function("scheddRetrieve", &scheddRetrieve);
  function("invalidateAllSessions", &invalidateAllSessions);
}
