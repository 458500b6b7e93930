// The embind surface of network operations (ops/io.hpp): the host starts one, then alternates
// poll() (the next action, as a plain object) with the callbacks that report what happened.
#include <emscripten/bind.h>

#include <memory>
#include <string>
#include <vector>

#include "ops/collector_query.hpp"

namespace {

using emscripten::val;
namespace ops = htcondor::ops;

// An operation and the I/O state it runs on, kept together for the host.
class Operation {
 public:
  explicit Operation(ops::CollectorQuery query) : task_(ops::rawCollectorQuery(io_, std::move(query))) { task_.start(); }

  val poll() {
    ops::Action a = io_.poll();
    static const char* const kinds[] = {"idle", "connect", "send", "close", "timer", "result", "done", "failed"};
    val out = val::object();
    out.set("kind", kinds[static_cast<int>(a.kind)]);
    out.set("conn", a.conn);
    if (a.kind == ops::Action::Kind::Connect) {
      out.set("host", a.host);
      out.set("port", a.port);
    }
    if (a.kind == ops::Action::Kind::Send) out.set("bytes", val(emscripten::typed_memory_view(a.bytes.size(), a.bytes.data())).call<val>("slice"));
    if (a.kind == ops::Action::Kind::Timer) out.set("at", a.at);
    if (a.kind == ops::Action::Kind::Result || a.kind == ops::Action::Kind::Failed) out.set("text", a.text);
    return out;
  }
  void onConnected(int conn) { io_.onConnected(conn); }
  void onConnectFailed(int conn, const std::string& why) { io_.onConnectFailed(conn, why); }
  void onData(int conn, const val& bytes) {
    const auto data = emscripten::convertJSArrayToNumberVector<uint8_t>(bytes);
    io_.onData(conn, data);
  }
  void onClosed(int conn) { io_.onClosed(conn); }
  void onTimer(double now) { io_.onTimer(now); }

 private:
  ops::Io io_;
  ops::Task task_;
};

std::unique_ptr<Operation> collectorQuery(const std::string& address, double command, const std::string& targetType,
                                          const std::string& constraint, const val& projection, double deadline) {
  ops::CollectorQuery q;
  q.address = address;
  q.command = static_cast<int64_t>(command);
  q.targetType = targetType;
  q.constraint = constraint;
  q.projection = emscripten::vecFromJSArray<std::string>(projection);
  q.deadline = deadline;
  return std::make_unique<Operation>(std::move(q));
}

}  // namespace

EMSCRIPTEN_BINDINGS(htcondor_ops) {
  using namespace emscripten;
  class_<Operation>("Operation")
      .function("poll", &Operation::poll)
      .function("onConnected", &Operation::onConnected)
      .function("onConnectFailed", &Operation::onConnectFailed)
      .function("onData", &Operation::onData)
      .function("onClosed", &Operation::onClosed)
      .function("onTimer", &Operation::onTimer);
  function("collectorQuery", &collectorQuery);
}
