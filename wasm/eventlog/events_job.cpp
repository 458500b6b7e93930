// A job's own life in the queue and on its slot: submit, execute, executable error, image
// size, generic, suspended, unsuspended (the ULogEvent subclasses of condor_event.cpp, field for
// field). Holds, reconnects and ad events live in the other events_job_*.cpp files.
#include <cctype>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <strings.h>

#include "classad/parser.hpp"
#include "classad/unparse.hpp"
#include "eventlog/ad_fields.hpp"
#include "eventlog/event_factory.hpp"
#include "eventlog/event_number.hpp"
#include "eventlog/execute_slot.hpp"
#include "eventlog/events_job.hpp"
#include "eventlog/scan_line.hpp"

namespace htcondor::eventlog {

namespace {

class SubmitEvent final : public Event {
 public:
  SubmitEvent() : Event(kSubmit) {}

  bool readBody(BodyReader& in, bool& gotSync, const ReadContext& context) override {
    if (!in.readLineValue("Job submitted from host: ", host_, gotSync)) return false;
    // An event that ends without the host: the "..." was read as the host.
    if (host_.compare(0, 3, "...") == 0) {
      host_.clear();
      gotSync = true;
      return true;
    }
    if (context.version.atLeast(25)) {
      readNotes(in, gotSync);
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
    if (hasNotes()) out += "    " + classad::unparse(*notes_) + "\n";
    else if (!logNotes_.empty()) out += "    " + logNotes_.substr(0, 8191) + "\n";
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
    if (hasNotes()) ad.insert("StructuredNotes", copyAd(*notes_));
  }
  void readFields(const ClassAd& ad, const ReadContext& context) override {
    lookupString(ad, "SubmitHost", host_);
    lookupString(ad, "LogNotes", logNotes_);
    lookupString(ad, "UserNotes", userNotes_);
    lookupString(ad, "Warnings", warnings_);
    if (auto notes = context.version.atLeast(25) ? lookupAd(ad, "StructuredNotes") : nullptr) notes_ = copyAd(*notes);
  }

 private:
  // 25.x: every line up to the "..." is sorted by its look: an ad ("[ DAGNodeName = ... ]"),
  // the older "DAG Node: <name>" (both kept as LogNotes too), a warning, or else the log notes
  // and the user notes by position.
  void readNotes(BodyReader& in, bool& gotSync) {
    std::string line;
    int number = 0;
    while (in.readOptionalLine(line, gotSync, true, true)) {
      ++number;
      if (!line.empty() && line[0] == '[') {
        if (!notes_) {
          logNotes_ = line;
          notes_ = classad::Parser(line).parseClassAd(false);
        }
      } else if (line.compare(0, 10, "DAG Node: ") == 0) {
        logNotes_ = line;
        std::string name = line.substr(10);
        trimLine(name);
        if (!notes_) notes_ = std::make_shared<ClassAd>();
        assignString(*notes_, "DAGNodeName", name);
      } else if (line.compare(0, 9, "WARNING: ") == 0) {
        warnings_ = line;
      } else if (number == 1) {
        logNotes_ = line;
      } else if (number == 2) {
        userNotes_ = line;
      }
    }
  }
  bool hasNotes() const { return notes_ && notes_->size() > 0; }

  std::string host_, logNotes_, userNotes_, warnings_;
  std::shared_ptr<ClassAd> notes_;  // StructuredNotes: only a 25.x read has them
};

class ExecuteEvent final : public Event {
 public:
  ExecuteEvent() : Event(kExecute) {}

  bool readBody(BodyReader& in, bool& gotSync, const ReadContext&) override {
    if (!in.readLineValue("Job executing on host: ", host_, gotSync)) return false;
    slot_.read(in, gotSync);
    return true;
  }

 protected:
  void formatBody(std::string& out) const override {
    out += "Job executing on host: " + host_ + "\n";
    slot_.format(out);
  }
  void addFields(ClassAd& ad) const override {
    if (!host_.empty()) assignString(ad, "ExecuteHost", host_);
    slot_.addFields(ad);
  }
  void readFields(const ClassAd& ad, const ReadContext&) override {
    lookupString(ad, "ExecuteHost", host_);
    slot_.readFields(ad);
  }

 private:
  std::string host_;
  ExecuteSlot slot_;
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

class ExecutableErrorEvent final : public Event {
 public:
  ExecutableErrorEvent() : Event(kExecutableError) {}

  bool readBody(BodyReader& in, bool& gotSync, const ReadContext&) override {
    std::string line;
    if (!in.readLineValue("(", line, gotSync)) return false;
    // "(<type>) <text>": YourStringDeserializer's int (in range), then the ')'; the text is
    // not read back.
    char* end = nullptr;
    long long value = std::strtoll(line.c_str(), &end, 10);
    if (value < INT_MIN || value > INT_MAX || end == line.c_str() || *end != ')') return false;
    type_ = static_cast<int>(value);
    return true;
  }

 protected:
  void formatBody(std::string& out) const override {
    const char* text = type_ == 0 ? "Job file not executable." : type_ == 1 ? "Job not properly linked for Condor." : "[Bad error number.]";
    out += "(" + std::to_string(type_) + ") " + text + "\n";
  }
  void addFields(ClassAd& ad) const override {
    if (type_ >= 0) assignInt(ad, "ExecuteErrorType", type_);
  }
  void readFields(const ClassAd& ad, const ReadContext&) override {
    int value = -1;
    // Only the two known types are taken.
    if (lookupInt(ad, "ExecuteErrorType", value) && (value == 0 || value == 1)) type_ = value;
  }

 private:
  int type_ = -1;  // CONDOR_EVENT_NOT_EXECUTABLE (0), CONDOR_EVENT_BAD_LINK (1)
};

class GenericEvent final : public Event {
 public:
  GenericEvent() : Event(kGeneric) {}

  bool readBody(BodyReader& in, bool& gotSync, const ReadContext&) override {
    std::string line;
    // The text lives in a char[1024]: a longer line does not parse.
    if (!in.readOptionalLine(line, gotSync) || line.size() >= kInfoSize) return false;
    info_ = line.substr(0, line.find('\0'));
    return true;
  }

 protected:
  void formatBody(std::string& out) const override { out += info_ + "\n"; }
  void addFields(ClassAd& ad) const override {
    if (!info_.empty()) assignString(ad, "Info", info_);
  }
  void readFields(const ClassAd& ad, const ReadContext&) override {
    // LookupString into the buffer: cut to fit.
    std::string text;
    if (lookupString(ad, "Info", text)) info_ = text.substr(0, std::min(text.find('\0'), kInfoSize - 1));
  }

 private:
  static constexpr size_t kInfoSize = 1024;
  std::string info_;
};

class JobSuspendedEvent final : public Event {
 public:
  JobSuspendedEvent() : Event(kJobSuspended) {}

  bool readBody(BodyReader& in, bool& gotSync, const ReadContext&) override {
    std::string line;
    if (!in.readLineValue("Job was suspended.", line, gotSync)) return false;
    return in.readOptionalLine(line, gotSync) &&
           scanLine(line, "\tNumber of processes actually suspended: %d", {&pids_}) == 1;
  }

 protected:
  void formatBody(std::string& out) const override {
    out += "Job was suspended.\n\tNumber of processes actually suspended: " + std::to_string(pids_) + "\n";
  }
  void addFields(ClassAd& ad) const override { assignInt(ad, "NumberOfPIDs", pids_); }
  void readFields(const ClassAd& ad, const ReadContext&) override { lookupInt(ad, "NumberOfPIDs", pids_); }

 private:
  int pids_ = -1;
};

class JobUnsuspendedEvent final : public Event {
 public:
  JobUnsuspendedEvent() : Event(kJobUnsuspended) {}

  bool readBody(BodyReader& in, bool& gotSync, const ReadContext&) override {
    std::string line;
    return in.readLineValue("Job was unsuspended.", line, gotSync);
  }

 protected:
  void formatBody(std::string& out) const override { out += "Job was unsuspended.\n"; }
  void addFields(ClassAd&) const override {}
  void readFields(const ClassAd&, const ReadContext&) override {}
};

}  // namespace

std::unique_ptr<Event> makeJobEvent(int number) {
  switch (number) {
    case kSubmit: return std::make_unique<SubmitEvent>();
    case kExecute: return std::make_unique<ExecuteEvent>();
    case kExecutableError: return std::make_unique<ExecutableErrorEvent>();
    case kImageSize: return std::make_unique<ImageSizeEvent>();
    case kGeneric: return std::make_unique<GenericEvent>();
    case kJobSuspended: return std::make_unique<JobSuspendedEvent>();
    case kJobUnsuspended: return std::make_unique<JobUnsuspendedEvent>();
    default: break;
  }
  if (auto event = makeJobHoldEvent(number)) return event;
  if (auto event = makeJobReconnectEvent(number)) return event;
  return makeJobAdEvent(number);
}

}  // namespace htcondor::eventlog
