// The embind surface of network operations (ops/io.hpp): the host starts one, then alternates
// poll() (the next action, as a plain object) with the callbacks that report what happened.
// The session cache is the worker's, shared by every operation it runs (HTCondor's SecMan).
#include <emscripten/bind.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "bindings/host_values.hpp"
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

sec::SessionCache& sessionCache() {
  static sec::SessionCache cache;
  return cache;
}

// poll()'s property names and kinds, made once: a val from a C string is a new JavaScript
// string each time, and an operation polls a few times per message.
struct PollNames {
  val kind{"kind"}, conn{"conn"}, host{"host"}, port{"port"}, bytes{"bytes"}, records{"records"}, at{"at"},
      text{"text"}, errorKind{"errorKind"};
  val kinds[9] = {val("idle"), val("connect"), val("send"),   val("close"), val("timer"),
                  val("result"), val("done"),  val("failed"), val("input")};
  val errorKinds[3] = {val("io"), val("value"), val("internal")};
};

const PollNames& pollNames() {
  static const PollNames names;
  return names;
}

// An operation and the I/O state it runs on, kept together for the host.
class Operation {
 public:
  explicit Operation(const std::function<ops::Task(ops::Io&)>& start) : task_(start(io_)) { task_.start(); }

  val poll() {
    ops::Action a = io_.poll();
    const PollNames& n = pollNames();
    val out = val::object();
    out.set(n.kind, n.kinds[static_cast<int>(a.kind)]);
    out.set(n.conn, a.conn);
    if (a.kind == ops::Action::Kind::Connect) {
      out.set(n.host, a.host);
      out.set(n.port, a.port);
    }
    if (a.kind == ops::Action::Kind::Send) out.set(n.bytes, htcondor::bindings::uint8Array(a.bytes));
    if (a.binary) out.set(n.records, records(std::move(a.bytes)));
    if (a.kind == ops::Action::Kind::Timer) out.set(n.at, a.at);
    if ((a.kind == ops::Action::Kind::Result && !a.binary) || a.kind == ops::Action::Kind::Failed) out.set(n.text, a.text);
    if (a.kind == ops::Action::Kind::Failed) out.set(n.errorKind, n.errorKinds[static_cast<int>(a.errorKind)]);
    return out;
  }
  void onConnected(int conn) { io_.onConnected(conn); }
  void onConnectFailed(int conn, const std::string& why) { io_.onConnectFailed(conn, why); }
  void onData(int conn, const val& bytes) {
    const auto data = htcondor::bindings::byteCopy(bytes);
    io_.onData(conn, data);
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
  // A run of binary results (ads of a query answer, pieces of a file) as one buffer and where
  // each record ends: one crossing, not one object per ad.
  val records(ops::Bytes first) {
    std::vector<std::uint32_t> ends{static_cast<std::uint32_t>(first.size())};
    while (auto more = io_.pollMoreBytes()) {
      first.insert(first.end(), more->begin(), more->end());
      ends.push_back(static_cast<std::uint32_t>(first.size()));
    }
    val out = val::object();
    out.set("bytes", htcondor::bindings::uint8Array(first));
    out.set("ends", val(emscripten::typed_memory_view(ends.size(), ends.data())).call<val>("slice"));
    return out;
  }

  ops::Io io_;
  ops::Task task_;
};

std::string stringField(const val& object, const char* name) {
  const val v = object[name];
  return v.isString() ? v.as<std::string>() : std::string();
}

// The worker's security object (worker/security.ts) as the core's options; a bad level or
// method name comes back as the error text.
htcondor::Result<ops::SecurityOptions, std::string> securityOptions(const val& s) {
  sec::PolicySettings settings{stringField(s, "authentication"), stringField(s, "encryption"),
                               stringField(s, "integrity"), stringField(s, "negotiation"),
                               stringField(s, "authMethods")};
  auto policy = sec::policyFromSettings(settings);
  if (!policy) return htcondor::failure(policy.error().message);
  ops::SecurityOptions options;
  options.policy = std::move(*policy);
  options.tokens = emscripten::vecFromJSArray<std::string>(s["tokens"]);
  if (s["poolPassword"].isString()) options.poolPassword = s["poolPassword"].as<std::string>();
  options.sslCaPem = stringField(s, "sslCaPem");
  options.sslSkipHostCheck = s["sslSkipHostCheck"].as<bool>();
  if (s["scitoken"].isString()) options.scitoken = s["scitoken"].as<std::string>();
  if (s["claimToBe"].isString()) options.claimToBeName = s["claimToBe"].as<std::string>();
  if (s["trustDomain"].isString()) options.trustDomain = s["trustDomain"].as<std::string>();
  options.tag = stringField(s, "tag");
  options.now = static_cast<std::int64_t>(s["now"].as<double>());
  options.pid = static_cast<std::int64_t>(s["pid"].as<double>());
  return options;
}

// An operation that fails at once with a ValueError: its arguments could not be used.
ops::Task refused(ops::Io& io, std::string why) {
  io.finish(std::move(why), ops::ErrorKind::Value);
  co_return;
}

// One of the core's operations (wasm/ops: op(io, sessions, security, request)) run with the
// caller's security options and the worker's session cache, or failing at once when the
// options are bad.
template <class Request>
std::unique_ptr<Operation> secured(const val& security,
                                   ops::Task (*op)(ops::Io&, sec::SessionCache&, ops::SecurityOptions, Request),
                                   Request request) {
  auto options = securityOptions(security);
  if (!options) return std::make_unique<Operation>([&](ops::Io& io) { return refused(io, options.error()); });
  return std::make_unique<Operation>(
      [&](ops::Io& io) { return op(io, sessionCache(), std::move(*options), std::move(request)); });
}

// `query`: {address, command, targetType, constraint, projection, statistics, locationQuery?, deadline}.
std::unique_ptr<Operation> collectorQuery(const val& query, const val& security) {
  ops::CollectorQuery q;
  q.address = query["address"].as<std::string>();
  q.command = static_cast<int64_t>(query["command"].as<double>());
  q.targetType = query["targetType"].as<std::string>();
  q.constraint = query["constraint"].as<std::string>();
  q.projection = emscripten::vecFromJSArray<std::string>(query["projection"]);
  q.statistics = stringField(query, "statistics");
  if (query["locationQuery"].isString()) q.locationQuery = query["locationQuery"].as<std::string>();
  q.deadline = query["deadline"].as<double>();
  return secured(security, &ops::collectorQuery, std::move(q));
}

std::unique_ptr<Operation> ping(const std::string& address, double checkedCommand, double deadline,
                                const val& security) {
  ops::PingRequest request;
  request.address = address;
  request.checkedCommand = static_cast<std::int64_t>(checkedCommand);
  request.deadline = deadline;
  return secured(security, &ops::ping, std::move(request));
}

std::unique_ptr<Operation> collectorAdvertise(const std::string& address, double command, const val& ads,
                                              double deadline, const val& security) {
  ops::CollectorAdvertise request;
  request.address = address;
  request.command = static_cast<std::int64_t>(command);
  request.ads = emscripten::vecFromJSArray<std::string>(ads);
  request.deadline = deadline;
  return secured(security, &ops::collectorAdvertise, std::move(request));
}

std::unique_ptr<Operation> adCommand(const std::string& address, double command, const std::string& requestAd,
                                     const val& endMarker, double deadline, const val& security) {
  ops::AdCommand request;
  request.address = address;
  request.command = static_cast<std::int64_t>(command);
  request.requestAd = requestAd;
  if (endMarker.isString()) request.endMarker = endMarker.as<std::string>();
  request.deadline = deadline;
  return secured(security, &ops::adCommand, std::move(request));
}

std::unique_ptr<Operation> adStream(const std::string& address, double command, const std::string& requestAd,
                                    double deadline, const val& security) {
  ops::AdStreamRequest request{address, static_cast<std::int64_t>(command), requestAd, deadline};
  return secured(security, &ops::adStream, std::move(request));
}

std::unique_ptr<Operation> qmgmt(const std::string& address, bool write, double deadline, const val& security) {
  ops::QmgmtOpen request{address, write, deadline};
  return secured(security, &ops::qmgmt, std::move(request));
}

std::unique_ptr<Operation> scheddAct(const std::string& address, const std::string& requestAd, double deadline,
                                     const val& security) {
  ops::ScheddAct request{address, requestAd, deadline};
  return secured(security, &ops::scheddAct, std::move(request));
}

std::unique_ptr<Operation> plainCommand(const std::string& address, double command, double deadline, const val& security) {
  ops::PlainCommand request{address, static_cast<std::int64_t>(command), deadline};
  return secured(security, &ops::plainCommand, std::move(request));
}

// `jobs`: [{cluster, proc, entries: [{name, directory, mode, size}]}].
std::unique_ptr<Operation> scheddSpool(const std::string& address, const val& jobs, double deadline,
                                       const val& security) {
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
                                          const val& security) {
  ops::ScheddRetrieve request{address, constraint, deadline};
  return secured(security, &ops::scheddRetrieve, std::move(request));
}

void invalidateAllSessions() { sessionCache() = sec::SessionCache(); }

}  // namespace

EMSCRIPTEN_BINDINGS(htcondor_ops) {
  using namespace emscripten;
  class_<Operation>("Operation")
      .function("poll", &Operation::poll)
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
