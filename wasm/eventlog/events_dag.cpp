// Events of DAGMan nodes and of late-materialization clusters: node execute, PRE_SKIP, cluster
// submit and remove, factory paused and resumed, dataflow job skipped (condor_event.cpp's
// NodeExecuteEvent, PreSkipEvent, ClusterSubmitEvent, ClusterRemoveEvent, FactoryPausedEvent,
// FactoryResumedEvent, DataflowJobSkippedEvent).
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <strings.h>

#include "eventlog/ad_fields.hpp"
#include "eventlog/event_factory.hpp"
#include "eventlog/event_number.hpp"
#include "eventlog/execute_slot.hpp"
#include "eventlog/toe.hpp"

namespace htcondor::eventlog {

namespace {

// read_optional_line into HTCondor's char buf[BUFSIZ].
constexpr size_t kBufSize = 8192;

const char* skipSpace(const char* p) {
  while (*p && std::isspace(static_cast<unsigned char>(*p))) ++p;
  return p;
}

class NodeExecuteEvent final : public Event {
 public:
  NodeExecuteEvent() : Event(kNodeExecute) {}

  bool readBody(BodyReader& in, bool& gotSync, const ReadContext&) override {
    std::string line;
    if (!in.readLine(line)) return false;
    if (isSyncLine(line)) {
      gotSync = true;
      return false;
    }
    chompLine(line);
    if (std::sscanf(line.c_str(), "Node %d executing on host: ", &node_) != 1) return false;
    size_t colon = line.find(':');
    host_ = colon == std::string::npos ? std::string() : line.substr(colon + 1);  // HTCondor crashes without one
    trimLine(host_);
    slot_.read(in, gotSync);
    return true;
  }

 protected:
  void formatBody(std::string& out) const override {
    char head[64];
    std::snprintf(head, sizeof head, "Node %d executing on host: ", node_);
    out += head + host_ + "\n";
    slot_.format(out);
  }
  void addFields(ClassAd& ad) const override {
    if (!host_.empty()) assignString(ad, "ExecuteHost", host_);
    assignInt(ad, "Node", node_);
    slot_.addFields(ad);
  }
  void readFields(const ClassAd& ad, const ReadContext&) override {
    lookupString(ad, "ExecuteHost", host_);
    lookupInt(ad, "Node", node_);
    slot_.readFields(ad);
  }

 private:
  int node_ = -1;
  std::string host_;
  ExecuteSlot slot_;
};

class PreSkipEvent final : public Event {
 public:
  PreSkipEvent() : Event(kPreSkip) {}

  bool readBody(BodyReader& in, bool& gotSync, const ReadContext&) override {
    notes_.clear();
    std::string line;
    if (!in.readOptionalLine(line, gotSync)) return false;  // the rest of the header line
    if (!in.readOptionalLine(line, gotSync)) return false;  // the notes are required
    trimLine(line);  // DAGMan relies on the leading white space going
    notes_ = line;
    return !notes_.empty();
  }

 protected:
  // Without notes HTCondor's formatBody fails (str() is then the event's repr); this prints
  // the banner alone.
  void formatBody(std::string& out) const override {
    out += "PRE script return value is PRE_SKIP value\n";
    if (!notes_.empty()) out += "    " + notes_.substr(0, 8191) + "\n";
  }
  void addFields(ClassAd& ad) const override {
    if (!notes_.empty()) assignString(ad, "SkipEventLogNotes", notes_);
  }
  void readFields(const ClassAd& ad, const ReadContext&) override { lookupString(ad, "SkipEventLogNotes", notes_); }

 private:
  std::string notes_;
};

class ClusterSubmitEvent final : public Event {
 public:
  ClusterSubmitEvent() : Event(kClusterSubmit) {}

  bool readBody(BodyReader& in, bool& gotSync, const ReadContext&) override {
    if (!in.readLineValue("Cluster submitted from host: ", host_, gotSync)) return false;
    if (!in.readOptionalLine(logNotes_, gotSync, true, true)) return true;
    in.readOptionalLine(userNotes_, gotSync, true, true);
    return true;
  }

 protected:
  void formatBody(std::string& out) const override {
    out += "Cluster submitted from host: " + host_ + "\n";
    if (!logNotes_.empty()) out += "    " + logNotes_.substr(0, 8191) + "\n";
    if (!userNotes_.empty()) out += "    " + userNotes_.substr(0, 8191) + "\n";
  }
  // The notes are not in the ad.
  void addFields(ClassAd& ad) const override {
    if (!host_.empty()) assignString(ad, "SubmitHost", host_);
  }
  void readFields(const ClassAd& ad, const ReadContext&) override { lookupString(ad, "SubmitHost", host_); }

 private:
  std::string host_, logNotes_, userNotes_;
};

class ClusterRemoveEvent final : public Event {
 public:
  ClusterRemoveEvent() : Event(kClusterRemove) {}

  bool readBody(BodyReader& in, bool& gotSync, const ReadContext&) override {
    nextProcId_ = nextRow_ = 0;
    completion_ = kIncomplete;
    notes_.clear();
    std::string line;
    if (!in.readOptionalLine(line, gotSync, true, false, kBufSize)) return true;  // older logs
    // Forgiving about the banner's wording, as HTCondor is.
    if (line.find("remove") != std::string::npos || line.find("Remove") != std::string::npos) {
      if (!in.readOptionalLine(line, gotSync, true, false, kBufSize)) return true;
    }
    const char* p = skipSpace(line.c_str());
    if (std::sscanf(p, "Materialized %d jobs from %d items.", &nextProcId_, &nextRow_) == 2) {
      const char* items = std::strstr(p, "items.");
      p = items ? skipSpace(items + 6) : p + std::strlen(p);  // HTCondor crashes without "items."
    }
    if (strncasecmp(p, "error", 5) == 0) {
      int code = std::atoi(p + 5);
      completion_ = code < 0 ? code : kError;
    } else if (strncasecmp(p, "Complete", 8) == 0) {
      completion_ = kComplete;
    } else if (strncasecmp(p, "Paused", 6) == 0) {
      completion_ = kPaused;
    } else {
      completion_ = kIncomplete;
    }
    if (!in.readOptionalLine(line, gotSync, true, false, kBufSize)) return true;
    notes_ = skipSpace(line.c_str());
    return true;
  }

 protected:
  void formatBody(std::string& out) const override {
    char text[128];
    std::snprintf(text, sizeof text, "Cluster removed\n\tMaterialized %d jobs from %d items.", nextProcId_, nextRow_);
    out += text;
    if (completion_ <= kError) {
      std::snprintf(text, sizeof text, "\tError %d\n", completion_);
      out += text;
    } else if (completion_ == kComplete) {
      out += "\tComplete\n";
    } else if (completion_ >= kPaused) {
      out += "\tPaused\n";
    } else {
      out += "\tIncomplete\n";
    }
    if (!notes_.empty()) out += "\t" + notes_ + "\n";
  }
  void addFields(ClassAd& ad) const override {
    if (!notes_.empty()) assignString(ad, "Notes", notes_);
    assignInt(ad, "NextProcId", nextProcId_);
    assignInt(ad, "NextRow", nextRow_);
    assignInt(ad, "Completion", completion_);
  }
  void readFields(const ClassAd& ad, const ReadContext&) override {
    nextProcId_ = nextRow_ = 0;
    notes_.clear();
    completion_ = kIncomplete;
    lookupInt(ad, "Completion", completion_);
    lookupInt(ad, "NextProcId", nextProcId_);
    lookupInt(ad, "NextRow", nextRow_);
    lookupString(ad, "Notes", notes_);
  }

 private:
  // CompletionCode
  static constexpr int kError = -1, kIncomplete = 0, kComplete = 1, kPaused = 2;

  int nextProcId_ = 0, nextRow_ = 0, completion_ = kIncomplete;
  std::string notes_;
};

// The reason line of a factory event, after the banner (if the first line is one): leading
// white space goes.
bool readFactoryReason(BodyReader& in, bool& gotSync, std::string_view lower, std::string_view upper, std::string& reason,
                       std::string& line) {
  if (!in.readOptionalLine(line, gotSync, true, false, kBufSize)) return false;  // older logs
  if (line.find(lower) != std::string::npos || line.find(upper) != std::string::npos) {
    if (!in.readOptionalLine(line, gotSync, true, false, kBufSize)) return false;
  }
  const char* p = skipSpace(line.c_str());
  if (*p) reason = p;
  return true;
}

class FactoryPausedEvent final : public Event {
 public:
  FactoryPausedEvent() : Event(kFactoryPaused) {}

  bool readBody(BodyReader& in, bool& gotSync, const ReadContext&) override {
    pauseCode_ = 0;
    reason_.clear();
    std::string line;
    if (!readFactoryReason(in, gotSync, "pause", "Pause", reason_, line)) return true;
    // "PauseCode N" and "HoldCode N" lines, or both on one line.
    while (in.readOptionalLine(line, gotSync, true, false, kBufSize)) {
      const char* buf = line.c_str();
      char* end = nullptr;
      const char* p = std::strstr(buf, "PauseCode ");
      if (p) {
        pauseCode_ = static_cast<int>(std::strtoll(p + 10, &end, 10));
        if (!std::strstr(end, "HoldCode")) continue;
        p = end;
      } else {
        p = buf;
      }
      p = std::strstr(p, "HoldCode ");
      if (!p) break;
      holdCode_ = static_cast<int>(std::strtoll(p + 9, &end, 10));
    }
    return true;
  }

 protected:
  void formatBody(std::string& out) const override {
    out += "Job Materialization Paused\n";
    if (!reason_.empty() || pauseCode_ != 0) out += "\t" + reason_ + "\n";
    if (pauseCode_ != 0) out += "\tPauseCode " + std::to_string(pauseCode_) + "\n";
    if (holdCode_ != 0) out += "\tHoldCode " + std::to_string(holdCode_) + "\n";
  }
  void addFields(ClassAd& ad) const override {
    if (!reason_.empty()) assignString(ad, "Reason", reason_);
    assignInt(ad, "PauseCode", pauseCode_);
    assignInt(ad, "HoldCode", holdCode_);
  }
  // HTCondor resets the pause code and reason, not the hold code.
  void readFields(const ClassAd& ad, const ReadContext&) override {
    pauseCode_ = 0;
    reason_.clear();
    lookupString(ad, "Reason", reason_);
    lookupInt(ad, "PauseCode", pauseCode_);
    lookupInt(ad, "HoldCode", holdCode_);
  }

 private:
  std::string reason_;
  int pauseCode_ = 0, holdCode_ = 0;
};

class FactoryResumedEvent final : public Event {
 public:
  FactoryResumedEvent() : Event(kFactoryResumed) {}

  bool readBody(BodyReader& in, bool& gotSync, const ReadContext&) override {
    reason_.clear();
    std::string line;
    readFactoryReason(in, gotSync, "resume", "Resume", reason_, line);
    return true;
  }

 protected:
  void formatBody(std::string& out) const override {
    out += "Job Materialization Resumed\n";
    if (!reason_.empty()) out += "\t" + reason_ + "\n";
  }
  void addFields(ClassAd& ad) const override {
    if (!reason_.empty()) assignString(ad, "Reason", reason_);
  }
  void readFields(const ClassAd& ad, const ReadContext&) override {
    reason_.clear();
    lookupString(ad, "Reason", reason_);
  }

 private:
  std::string reason_;
};

class DataflowJobSkippedEvent final : public Event {
 public:
  DataflowJobSkippedEvent() : Event(kDataflowJobSkipped) {}

  bool readBody(BodyReader& in, bool& gotSync, const ReadContext&) override {
    reason_.clear();
    std::string line;
    if (!in.readLineValue("Dataflow job was skipped.", line, gotSync)) return false;
    if (in.readOptionalLine(line, gotSync)) {
      trimLine(line);
      reason_ = line;
    }
    if (gotSync) return true;
    if (!in.readOptionalLine(line, gotSync)) return true;
    if (line.empty() && !in.readOptionalLine(line, gotSync)) return false;
    const std::string prefix = "\tJob terminated by ";
    bool replaced = false;
    for (size_t at = line.find(prefix); at != std::string::npos; at = line.find(prefix, at)) {
      line.erase(at, prefix.size());
      replaced = true;
    }
    if (!replaced) return false;
    ToeTag tag;
    if (!tag.read(line)) return false;
    toe_ = tag;
    return true;
  }

 protected:
  void formatBody(std::string& out) const override {
    out += "Dataflow job was skipped.\n";
    if (!reason_.empty()) out += "\t" + reason_ + "\n";
    if (toe_) toe_->write(out);
  }
  void addFields(ClassAd& ad) const override {
    if (!reason_.empty()) assignString(ad, "Reason", reason_);
    if (toe_) ad.insert("ToE", encodeToe(*toe_));
  }
  void readFields(const ClassAd& ad, const ReadContext&) override {
    lookupString(ad, "Reason", reason_);
    if (auto tag = lookupAd(ad, "ToE")) toe_ = decodeToe(*tag);
  }

 private:
  std::string reason_;
  std::optional<ToeTag> toe_;
};

}  // namespace

std::unique_ptr<Event> makeDagEvent(int number) {
  switch (number) {
    case kNodeExecute: return std::make_unique<NodeExecuteEvent>();
    case kPreSkip: return std::make_unique<PreSkipEvent>();
    case kClusterSubmit: return std::make_unique<ClusterSubmitEvent>();
    case kClusterRemove: return std::make_unique<ClusterRemoveEvent>();
    case kFactoryPaused: return std::make_unique<FactoryPausedEvent>();
    case kFactoryResumed: return std::make_unique<FactoryResumedEvent>();
    case kDataflowJobSkipped: return std::make_unique<DataflowJobSkippedEvent>();
    default: return nullptr;
  }
}

}  // namespace htcondor::eventlog
