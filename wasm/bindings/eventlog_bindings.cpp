// The embind surface of the job event log reader (eventlog/log_reader.hpp): the TypeScript side
// reads the file (path, Blob, URL or stream) and appends its bytes; each event crosses as a
// handle whose ad and text are made only when asked for, as the Python bindings do.
#include <emscripten/bind.h>

#include <memory>
#include <string>

#include "eventlog/event_number.hpp"
#include "eventlog/log_reader.hpp"
#include "handles.hpp"

namespace {

using emscripten::val;
namespace el = htcondor::eventlog;

class EventHandle {
 public:
  explicit EventHandle(std::unique_ptr<el::Event> event) : event_(std::move(event)) {}
  int type() const { return event_->number(); }
  int cluster() const { return event_->cluster; }
  int proc() const { return event_->proc; }
  double timestamp() const { return static_cast<double>(event_->clock); }
  std::string text() const { return event_->format(); }
  // The event's ad, or null for an event HTCondor cannot turn into one (a required field missing).
  val ad() const {
    auto ad = event_->toAd();
    return ad ? val(std::make_shared<htcondor::bindings::Ad>(htcondor::bindings::Ad{std::move(ad)})) : val::null();
  }

 private:
  std::unique_ptr<el::Event> event_;
};

class EventLogReaderHandle {
 public:
  EventLogReaderHandle(double now, int major, int minor) : reader_(context(now, major, minor)) {}

  // The file's next bytes, from a Uint8Array.
  void append(const val& bytes) {
    const size_t size = bytes["length"].as<size_t>();
    std::string copy(size, '\0');
    val(emscripten::typed_memory_view(size, reinterpret_cast<uint8_t*>(copy.data()))).call<void>("set", bytes);
    reader_.append(copy);
  }

  // {status: "event", event} | {status: "none"} | {status: "error", message}.
  val next(double now) {
    reader_.setNow(static_cast<int64_t>(now));
    el::ReadOutcome out = reader_.next();
    val result = val::object();
    switch (out.status) {
      case el::ReadOutcome::Status::Event:
        result.set("status", "event");
        result.set("event", std::make_shared<EventHandle>(std::move(out.event)));
        break;
      case el::ReadOutcome::Status::NoEvent: result.set("status", "none"); break;
      case el::ReadOutcome::Status::Error:
        result.set("status", "error");
        result.set("message", out.message);
        break;
    }
    return result;
  }

  double offset() const { return static_cast<double>(reader_.offset()); }

 private:
  static el::ReadContext context(double now, int major, int minor) {
    el::ReadContext c;
    c.now = static_cast<int64_t>(now);
    c.version = {major, minor};
    return c;
  }

  el::EventLogReader reader_;
};

// JobEventType's name for a number, or null.
val eventTypeName(int number) {
  auto name = el::eventTypeName(number);
  return name ? val(std::string(*name)) : val::null();
}

}  // namespace

EMSCRIPTEN_BINDINGS(htcondor_eventlog) {
  using namespace emscripten;
  class_<EventHandle>("EventHandle")
      .smart_ptr<std::shared_ptr<EventHandle>>("EventHandlePtr")
      .function("type", &EventHandle::type)
      .function("cluster", &EventHandle::cluster)
      .function("proc", &EventHandle::proc)
      .function("timestamp", &EventHandle::timestamp)
      .function("text", &EventHandle::text)
      .function("ad", &EventHandle::ad);
  class_<EventLogReaderHandle>("EventLogReader")
      .constructor<double, int, int>()
      .function("append", &EventLogReaderHandle::append)
      .function("next", &EventLogReaderHandle::next)
      .function("offset", &EventLogReaderHandle::offset);
  function("eventTypeName", &eventTypeName);
}
