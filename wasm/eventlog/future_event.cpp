// Events this reader has no class for (FutureEvent): the first line of the body is kept as
// EventHead, the lines after it as the payload, whose `Name = Expr` lines become attributes.
#include <strings.h>

#include "classad/old_syntax.hpp"
#include "eventlog/ad_fields.hpp"
#include "eventlog/ad_text.hpp"
#include "eventlog/event_factory.hpp"

namespace htcondor::eventlog {

namespace {

class FutureEvent final : public Event {
 public:
  explicit FutureEvent(int number) : Event(number) {}

  bool readBody(BodyReader& in, bool& gotSync, const ReadContext&) override {
    bool atHead = true;
    std::string line;
    while (in.readLine(line)) {
      if (line == "...\n" || line == "...\r\n") {
        gotSync = true;
        break;
      }
      if (atHead) {
        chompLine(line);
        head_ = line;
        atHead = false;
      } else {
        payload_ += line;
      }
    }
    return true;
  }

 protected:
  void formatBody(std::string& out) const override {
    out += head_ + "\n";
    out += payload_;
  }
  void addFields(ClassAd& ad) const override {
    assignString(ad, "EventHead", head_);
    size_t start = 0;
    while (start < payload_.size()) {
      size_t end = payload_.find_first_of("\r\n", start);
      if (end == std::string::npos) end = payload_.size();
      if (end > start) classad::insertLongFormLine(ad, std::string_view(payload_).substr(start, end - start));
      start = end + 1;
    }
  }
  void readFields(const ClassAd& ad, const ReadContext&) override {
    if (!lookupString(ad, "EventHead", head_)) head_.clear();
    ClassAd rest;
    for (const auto& [name, expr] : ad.attributes()) {
      static constexpr std::string_view kKnown[] = {"MyType", "EventTypeNumber", "Cluster", "Proc", "Subproc",
                                                    "EventTime", "EventHead", "EventPayloadLines"};
      bool known = false;
      for (std::string_view k : kKnown) known = known || (k.size() == name.size() && strncasecmp(k.data(), name.data(), k.size()) == 0);
      if (!known) rest.insert(name, expr);
    }
    payload_.clear();
    printAdAttrs(payload_, rest);
  }

 private:
  std::string head_, payload_;
};

}  // namespace

std::unique_ptr<Event> makeFutureEvent(int number) { return std::make_unique<FutureEvent>(number); }

}  // namespace htcondor::eventlog
