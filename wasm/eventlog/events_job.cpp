// A job's own life in the queue and on its slot: submit, execute, image size, ... (the
// ULogEvent subclasses of condor_event.cpp, field for field).
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <strings.h>

#include "classad/old_syntax.hpp"
#include "eventlog/ad_fields.hpp"
#include "eventlog/ad_text.hpp"
#include "eventlog/event_factory.hpp"
#include "eventlog/event_number.hpp"

namespace htcondor::eventlog {

namespace {

class SubmitEvent final : public Event {
 public:
  SubmitEvent() : Event(kSubmit) {}

  bool readBody(BodyReader& in, bool& gotSync, const ReadContext&) override {
    if (!in.readLineValue("Job submitted from host: ", host_, gotSync)) return false;
    // An event that ends without the host: the "..." was read as the host.
    if (host_.compare(0, 3, "...") == 0) {
      host_.clear();
      gotSync = true;
      return true;
    }
    if (!in.readOptionalLine(logNotes_, gotSync, true, true)) return true;
    if (!in.readOptionalLine(userNotes_, gotSync, true, true)) return true;
    in.readOptionalLine(warnings_, gotSync, true, false);
    return true;
  }

 protected:
  void formatBody(std::string& out) const override {
    out += "Job submitted from host: " + host_ + "\n";
    if (!logNotes_.empty()) out += "    " + logNotes_.substr(0, 8191) + "\n";
    if (!userNotes_.empty()) out += "    " + userNotes_.substr(0, 8191) + "\n";
    if (!warnings_.empty()) {
      out += "    WARNING: Committed job submission into the queue with the following warning(s): " + warnings_.substr(0, 8110) + "\n";
    }
  }
  void addFields(ClassAd& ad) const override {
    if (!host_.empty()) assignString(ad, "SubmitHost", host_);
    if (!logNotes_.empty()) assignString(ad, "LogNotes", logNotes_);
    if (!userNotes_.empty()) assignString(ad, "UserNotes", userNotes_);
    if (!warnings_.empty()) assignString(ad, "Warnings", warnings_);
  }
  void readFields(const ClassAd& ad, const ReadContext&) override {
    lookupString(ad, "SubmitHost", host_);
    lookupString(ad, "LogNotes", logNotes_);
    lookupString(ad, "UserNotes", userNotes_);
    lookupString(ad, "Warnings", warnings_);
  }

 private:
  std::string host_, logNotes_, userNotes_, warnings_;
};

class ExecuteEvent final : public Event {
 public:
  ExecuteEvent() : Event(kExecute) {}

  bool readBody(BodyReader& in, bool& gotSync, const ReadContext&) override {
    if (!in.readLineValue("Job executing on host: ", host_, gotSync)) return false;
    std::string line;
    if (!in.readOptionalLine(line, gotSync)) return true;  // older logs end here
    if (line.compare(0, 10, "\tSlotName:") == 0) {
      slot_ = line.substr(line.find(':') + 1);
      trimLine(slot_);
      if (slot_.size() >= 2) {
        if (slot_.front() == '"') slot_.erase(0, 1);
        if (slot_.back() == '"') slot_.pop_back();
      }
    } else {
      insertProp(line);
    }
    if (gotSync) return true;
    while (in.readOptionalLine(line, gotSync)) insertProp(line);
    return true;
  }

 protected:
  void formatBody(std::string& out) const override {
    out += "Job executing on host: " + host_ + "\n";
    if (!slot_.empty()) out += "\tSlotName: " + slot_ + "\n";
    if (props_ && props_->size() > 0) printAdAttrs(out, *props_, "\t");
  }
  void addFields(ClassAd& ad) const override {
    if (!host_.empty()) assignString(ad, "ExecuteHost", host_);
    if (!slot_.empty()) assignString(ad, "SlotName", slot_);
    if (props_ && props_->size() > 0) ad.insert("ExecuteProps", copyAd(*props_));
  }
  void readFields(const ClassAd& ad, const ReadContext&) override {
    lookupString(ad, "ExecuteHost", host_);
    slot_.clear();
    lookupString(ad, "SlotName", slot_);
    auto props = lookupAd(ad, "ExecuteProps");
    props_ = props ? copyAd(*props) : nullptr;
  }

 private:
  void insertProp(const std::string& line) {
    if (!props_) props_ = std::make_shared<ClassAd>();
    classad::insertLongFormLine(*props_, line);
  }

  std::string host_, slot_;
  std::shared_ptr<ClassAd> props_;
};

class ImageSizeEvent final : public Event {
 public:
  ImageSizeEvent() : Event(kImageSize) {}

  bool readBody(BodyReader& in, bool& gotSync, const ReadContext&) override {
    std::string text;
    if (!in.readLineValue("Image size of job updated: ", text, gotSync) || !leadingInt(text, imageSize_)) return false;
    // The usage lines came in 2012: logs before that have none.
    memoryUsage_ = -1;
    residentSetSize_ = 0;
    proportionalSetSize_ = -1;
    std::string line;
    while (in.readOptionalLine(line, gotSync, true, false, 250)) {
      // "<number>  -  <Label> ..."
      const char* p = line.c_str();
      while (*p && std::isspace(static_cast<unsigned char>(*p))) ++p;
      char* end = nullptr;
      long long value = std::strtoll(p, &end, 10);
      if (end == p || !std::isspace(static_cast<unsigned char>(*end))) break;
      p = end;
      while (*p && std::isspace(static_cast<unsigned char>(*p))) ++p;
      if (*p != '-') break;
      ++p;
      while (*p && std::isspace(static_cast<unsigned char>(*p))) ++p;
      std::string label(p, std::strcspn(p, " \t\r\n\f\v"));
      if (strcasecmp(label.c_str(), "MemoryUsage") == 0) memoryUsage_ = value;
      else if (strcasecmp(label.c_str(), "ResidentSetSize") == 0) residentSetSize_ = value;
      else if (strcasecmp(label.c_str(), "ProportionalSetSize") == 0) proportionalSetSize_ = value;
      else break;
    }
    return true;
  }

 protected:
  void formatBody(std::string& out) const override {
    char line[128];
    std::snprintf(line, sizeof line, "Image size of job updated: %lld\n", static_cast<long long>(imageSize_));
    out += line;
    if (memoryUsage_ >= 0) {
      std::snprintf(line, sizeof line, "\t%lld  -  MemoryUsage of job (MB)\n", static_cast<long long>(memoryUsage_));
      out += line;
    }
    if (residentSetSize_ >= 0) {
      std::snprintf(line, sizeof line, "\t%lld  -  ResidentSetSize of job (KB)\n", static_cast<long long>(residentSetSize_));
      out += line;
    }
    if (proportionalSetSize_ >= 0) {
      std::snprintf(line, sizeof line, "\t%lld  -  ProportionalSetSize of job (KB)\n", static_cast<long long>(proportionalSetSize_));
      out += line;
    }
  }
  void addFields(ClassAd& ad) const override {
    if (imageSize_ >= 0) assignInt(ad, "Size", imageSize_);
    if (memoryUsage_ >= 0) assignInt(ad, "MemoryUsage", memoryUsage_);
    if (residentSetSize_ >= 0) assignInt(ad, "ResidentSetSize", residentSetSize_);
    if (proportionalSetSize_ >= 0) assignInt(ad, "ProportionalSetSize", proportionalSetSize_);
  }
  void readFields(const ClassAd& ad, const ReadContext&) override {
    memoryUsage_ = -1;
    residentSetSize_ = 0;
    proportionalSetSize_ = -1;
    lookupInt(ad, "Size", imageSize_);
    lookupInt(ad, "MemoryUsage", memoryUsage_);
    lookupInt(ad, "ResidentSetSize", residentSetSize_);
    lookupInt(ad, "ProportionalSetSize", proportionalSetSize_);
  }

 private:
  // YourStringDeserializer::deserialize_int: an integer at the start of the text.
  static bool leadingInt(const std::string& text, int64_t& out) {
    char* end = nullptr;
    long long value = std::strtoll(text.c_str(), &end, 10);
    if (end == text.c_str()) return false;
    out = value;
    return true;
  }

  int64_t imageSize_ = -1, memoryUsage_ = -1, residentSetSize_ = 0, proportionalSetSize_ = -1;
};

}  // namespace

std::unique_ptr<Event> makeJobEvent(int number) {
  switch (number) {
    case kSubmit: return std::make_unique<SubmitEvent>();
    case kExecute: return std::make_unique<ExecuteEvent>();
    case kImageSize: return std::make_unique<ImageSizeEvent>();
    default: return nullptr;
  }
}

}  // namespace htcondor::eventlog
