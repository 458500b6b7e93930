// The embind surface of the job event log reader (eventlog/log_reader.hpp). The TypeScript side
// reads the file (path, Blob, URL or stream) and appends its bytes. Reading crosses no object
// per event: next() answers a number and leaves the event's header and the byte range that held
// it in a small array of doubles; the event's ad and text are made only when asked for (as the
// Python bindings make them), from the reader's recent events or else from those bytes.
#include <emscripten/bind.h>

#include <array>
#include <deque>
#include <memory>
#include <string>
#include <utility>

#include "classad/eval.hpp"
#include "classad/typed_json.hpp"
#include "eventlog/event_number.hpp"
#include "eventlog/log_reader.hpp"
#include "handles.hpp"

namespace {

using emscripten::val;
namespace el = htcondor::eventlog;

el::ReadContext contextOf(double now, int major, int minor) {
  el::ReadContext c;
  c.now = static_cast<int64_t>(now);
  c.version = {major, minor};
  return c;
}

// Where next() leaves an event: type, cluster, proc, timestamp, and its bytes' begin and end.
constexpr size_t kHeaderSize = 6;
// The events a reader keeps after reading them, so the ad or text of a recent one (a loop asks
// right after reading) is made without reading its bytes again.
constexpr size_t kRecentEvents = 64;

// The event's ad, or null for an event HTCondor cannot turn into one (a required field missing).
val adOf(const el::Event& event) {
  auto ad = event.toAd();
  return ad ? val(std::make_shared<htcondor::bindings::Ad>(htcondor::bindings::Ad{std::move(ad)})) : val::null();
}

class EventLogReaderHandle {
 public:
  EventLogReaderHandle(double now, int major, int minor) : reader_(contextOf(now, major, minor)) {}

  // The file's next bytes (embind copies a Uint8Array into the string as they are).
  void append(const std::string& bytes) { reader_.append(bytes); }

  // 1: an event (see header()); 0: none complete yet; 2: bytes that are no event (see error()).
  int next(double now) {
    reader_.setNow(static_cast<int64_t>(now));
    el::ReadOutcome out = reader_.next();
    switch (out.status) {
      case el::ReadOutcome::Status::Event:
        header_ = {static_cast<double>(out.event->number()), static_cast<double>(out.event->cluster),
                   static_cast<double>(out.event->proc), static_cast<double>(out.event->clock),
                   static_cast<double>(out.begin), static_cast<double>(out.end)};
        recent_.push_back({out.begin, std::move(out.event), nullptr});
        if (recent_.size() > kRecentEvents) recent_.pop_front();
        return 1;
      case el::ReadOutcome::Status::NoEvent: return 0;
      case el::ReadOutcome::Status::Error: error_ = std::move(out.message); return 2;
    }
    return 0;
  }

  // The ad, one field's value or the text of a recent event (by the offset its bytes begin
  // at); undefined when the reader no longer keeps it.
  val recentAd(double begin) {
    Recent* r = recent(begin);
    if (!r) return val::undefined();
    auto ad = r->ad();
    return ad ? val(std::make_shared<htcondor::bindings::Ad>(htcondor::bindings::Ad{std::move(ad)})) : val::null();
  }
  // The field's value as typed JSON, "null" when the event has no such field, "noad" when it
  // has no ad: get() without a handle crossing per event.
  val recentField(double begin, const std::string& name) {
    Recent* r = recent(begin);
    if (!r) return val::undefined();
    auto ad = r->ad();
    if (!ad) return val("noad");
    if (!ad->lookup(name)) return val("null");
    auto value = htcondor::classad::evaluateAttr(*ad, name);
    return val(value ? htcondor::classad::typedJson(*value) : std::string("{\"t\": \"eval_fail\"}"));
  }
  val recentText(double begin) {
    Recent* r = recent(begin);
    return r ? val(r->event->format()) : val::undefined();
  }

  // A Float64Array over the header (a new one is needed after the core's memory grows).
  val header() { return val(emscripten::typed_memory_view(kHeaderSize, header_.data())); }
  std::string error() const { return error_; }
  double offset() const { return static_cast<double>(reader_.offset()); }
  // "text", "xml" or "json" once known.
  std::string format() const {
    switch (reader_.format()) {
      case el::LogFormat::Text: return "text";
      case el::LogFormat::Xml: return "xml";
      case el::LogFormat::Json: return "json";
      case el::LogFormat::Unknown: break;
    }
    return "";
  }

 private:
  struct Recent {
    uint64_t begin;
    std::unique_ptr<el::Event> event;
    std::shared_ptr<htcondor::classad::ClassAd> ad_;  // made on first use, shared with JS
    bool adMade = false;
    std::shared_ptr<htcondor::classad::ClassAd> ad() {
      if (!adMade) {
        ad_ = event->toAd();
        adMade = true;
      }
      return ad_;
    }
  };

  Recent* recent(double begin) {
    for (auto it = recent_.rbegin(); it != recent_.rend(); ++it) {
      if (static_cast<double>(it->begin) == begin) return &*it;
    }
    return nullptr;
  }

  el::EventLogReader reader_;
  std::array<double, kHeaderSize> header_{};
  std::string error_;
  std::deque<Recent> recent_;
};

// The one event in `bytes` (as next() found it), read again.
std::unique_ptr<el::Event> eventIn(const std::string& bytes, const std::string& format, double now, int major, int minor) {
  const el::LogFormat f = format == "xml" ? el::LogFormat::Xml : format == "json" ? el::LogFormat::Json : el::LogFormat::Text;
  el::EventLogReader reader(contextOf(now, major, minor), 0, f);
  reader.append(bytes);
  return reader.next().event;
}

// str(): the event in classic format.
std::string eventText(const std::string& bytes, const std::string& format, double now, int major, int minor) {
  auto event = eventIn(bytes, format, now, major, minor);
  return event ? event->format() : "";
}

val eventAd(const std::string& bytes, const std::string& format, double now, int major, int minor) {
  auto event = eventIn(bytes, format, now, major, minor);
  return event ? adOf(*event) : val::null();
}

}  // namespace

EMSCRIPTEN_BINDINGS(htcondor_eventlog) {
  using namespace emscripten;
  class_<EventLogReaderHandle>("EventLogReader")
      .constructor<double, int, int>()
      .function("append", &EventLogReaderHandle::append)
      .function("next", &EventLogReaderHandle::next)
      .function("header", &EventLogReaderHandle::header)
      .function("error", &EventLogReaderHandle::error)
      .function("offset", &EventLogReaderHandle::offset)
      .function("format", &EventLogReaderHandle::format)
      .function("recentAd", &EventLogReaderHandle::recentAd)
      .function("recentField", &EventLogReaderHandle::recentField)
      .function("recentText", &EventLogReaderHandle::recentText);
  function("eventText", &eventText);
  function("eventAd", &eventAd);
}
