// How a job's run ends: checkpointed, evicted, terminated, aborted, and DAGMan's node and POST
// script terminations (the ULogEvent subclasses of condor_event.cpp, field for field).
//
// Releases differ here: HTCondor 23 reads the ToE line of JOB_TERMINATED / JOB_ABORTED into a
// nested ToE ad and prints it back; 25 reads past it and keeps nothing. 25 also reads the
// reason line of every JOB_EVICTED (23 only that of a requeue), prints it as "Reason: ...",
// reads an optional "Code N Subcode N" after "Job was evicted.", and rejects a CHECKPOINTED
// event whose bytes line does not scan. Each event remembers at read time which release it
// follows, since str() has no context.
#include <cstdio>
#include <cstring>
#include <optional>
#include <string_view>

#include "classad/tree_build.hpp"
#include "eventlog/ad_fields.hpp"
#include "eventlog/event_factory.hpp"
#include "eventlog/event_number.hpp"
#include "eventlog/partitionable_resources.hpp"
#include "eventlog/rusage.hpp"
#include "eventlog/scan_line.hpp"
#include "eventlog/toe.hpp"

namespace htcondor::eventlog {

namespace {

bool startsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// replace_str(line, from, ""): every occurrence removed; how many there were.
int removeAll(std::string& line, std::string_view from) {
  int count = 0;
  for (size_t at = line.find(from); at != std::string::npos; at = line.find(from, at)) {
    line.erase(at, from.size());
    ++count;
  }
  return count;
}

std::string printf1(const char* format, auto value) {
  char text[128];
  std::snprintf(text, sizeof text, format, value);
  return text;
}

// "%.0f" of a byte count (any double).
std::string wholeBytes(double value) {
  char text[400];
  std::snprintf(text, sizeof text, "%.0f", value);
  return text;
}

// The "\t(1) Normal termination (return value N)" / "\t(0) Abnormal termination (signal N)"
// line, after "\t(%d) %127[^\r\n]": false if it does not scan. `normalIf` decides what the
// leading number means (TerminatedEvent: not zero; POST script: exactly one).
bool readExitLine(BodyReader& in, bool& gotSync, bool (*normalIf)(int), bool& normal, int& returnValue, int& signalNumber) {
  std::string line;
  int code = 0;
  char rest[128];
  if (!in.readOptionalLine(line, gotSync) || std::sscanf(line.c_str(), "\t(%d) %127[^\r\n]", &code, rest) != 2) return false;
  normal = normalIf(code);
  if (normal) return std::sscanf(rest, "Normal termination (return value %d)", &returnValue) == 1;
  return std::sscanf(rest, "Abnormal termination (signal %d)", &signalNumber) == 1;
}

bool nonZero(int code) { return code != 0; }
bool isOne(int code) { return code == 1; }

// After an abnormal termination: "\t(1) Corefile in: PATH" or "\t(0) No core file".
bool readCoreLine(BodyReader& in, bool& gotSync, std::string& coreFile) {
  std::string line;
  if (!in.readOptionalLine(line, gotSync)) return false;
  trimLine(line);
  constexpr std::string_view kCore = "(1) Corefile in: ";
  if (startsWith(line, kCore)) coreFile = line.substr(kCore.size());
  else if (!startsWith(line, "(0)")) return false;
  return true;
}

// LookupInteger into an int, then "reallybool ? TRUE : FALSE": a real is truncated first.
void lookupFlag(const ClassAd& ad, const char* name, bool& flag) {
  int value = 0;
  if (lookupInt(ad, name, value)) flag = value != 0;
}

void readRusageField(const ClassAd& ad, const char* name, Rusage& usage) {
  std::string text;
  if (lookupString(ad, name, text)) parseRusageText(text, usage);
}

// TerminatedEvent: what JOB_TERMINATED and NODE_TERMINATED share.
class TerminatedBase : public Event {
 public:
  using Event::Event;

 protected:
  // TerminatedEvent::readEventBody: the exit, the four usage lines, then byte counts and the
  // resource table for as long as lines fit them (the line that does not is consumed).
  bool readTermination(BodyReader& in, bool& gotSync, const char* who) {
    if (!readExitLine(in, gotSync, nonZero, normal_, returnValue_, signalNumber_)) return false;
    if (!normal_ && !readCoreLine(in, gotSync, coreFile_)) return false;
    if (!readRusageLine(in, gotSync, runRemote_) || !readRusageLine(in, gotSync, runLocal_) ||
        !readRusageLine(in, gotSync, totalRemote_) || !readRusageLine(in, gotSync, totalLocal_)) {
      return false;
    }
    UsageTableReader table;
    bool inTable = false;
    std::string line;
    while (in.readOptionalLine(line, gotSync)) {
      const char* text = line.c_str();
      if (inTable) {
        if (!std::strchr(text, ':')) break;
        table.parseRow(text, *usage_);
        continue;
      }
      // "\t%f  -  Run Bytes Sent By Job", the words varying. A line of that shape with other
      // words is passed over; the first of another shape ends the counts.
      double scanned = 0;
      std::string run, direction, by;
      if (scanLine(text, "\t%lf  -  %5s Bytes %8s By %21s", {&scanned, &run, &direction, &by}) == 4) {
        const float value = static_cast<float>(scanned);  // HTCondor reads a float
        if (by != who) continue;
        const bool sent = direction == "Sent", received = direction == "Received";
        if (run == "Run") {
          if (sent) sentBytes_ = value;
          else if (received) receivedBytes_ = value;
        } else if (run == "Total") {
          if (sent) totalSentBytes_ = value;
          else if (received) totalReceivedBytes_ = value;
        }
      } else if (startsWith(line, "\tPartitionable ") || startsWith(line, "\tResources")) {
        usage_ = std::make_shared<ClassAd>();
        table.init(line);
        inTable = true;
      } else {
        break;
      }
    }
    return true;
  }

  void formatTermination(std::string& out, const char* who) const {
    if (normal_) {
      out += printf1("\t(1) Normal termination (return value %d)\n\t", returnValue_);
    } else {
      out += printf1("\t(0) Abnormal termination (signal %d)\n", signalNumber_);
      out += coreFile_.empty() ? "\t(0) No core file\n\t" : "\t(1) Corefile in: " + coreFile_ + "\n\t";
    }
    formatRusage(out, runRemote_);
    out += "  -  Run Remote Usage\n\t";
    formatRusage(out, runLocal_);
    out += "  -  Run Local Usage\n\t";
    formatRusage(out, totalRemote_);
    out += "  -  Total Remote Usage\n\t";
    formatRusage(out, totalLocal_);
    out += "  -  Total Local Usage\n";
    const std::string by = std::string(" By ") + who + "\n";
    out += "\t" + wholeBytes(sentBytes_) + "  -  Run Bytes Sent" + by;
    out += "\t" + wholeBytes(receivedBytes_) + "  -  Run Bytes Received" + by;
    out += "\t" + wholeBytes(totalSentBytes_) + "  -  Total Bytes Sent" + by;
    out += "\t" + wholeBytes(totalReceivedBytes_) + "  -  Total Bytes Received" + by;
    if (usage_) formatUsageTable(out, *usage_);
  }

  // The resource attributes first: the event's own fields win over a resource of their name.
  // NODE_TERMINATED always has ReturnValue and TerminatedBySignal; JOB_TERMINATED only when set.
  void addTerminationFields(ClassAd& ad, bool alwaysExitFields) const {
    if (usage_) {
      for (const auto& [name, expr] : usage_->attributes()) ad.insert(name, classad::deepCopy(*expr));
    }
    assignBool(ad, "TerminatedNormally", normal_);
    if (alwaysExitFields || returnValue_ >= 0) assignInt(ad, "ReturnValue", returnValue_);
    if (alwaysExitFields || signalNumber_ >= 0) assignInt(ad, "TerminatedBySignal", signalNumber_);
    if (!coreFile_.empty()) assignString(ad, "CoreFile", coreFile_);
    assignString(ad, "RunLocalUsage", rusageText(runLocal_));
    assignString(ad, "RunRemoteUsage", rusageText(runRemote_));
    assignString(ad, "TotalLocalUsage", rusageText(totalLocal_));
    assignString(ad, "TotalRemoteUsage", rusageText(totalRemote_));
    assignReal(ad, "SentBytes", sentBytes_);
    assignReal(ad, "ReceivedBytes", receivedBytes_);
    assignReal(ad, "TotalSentBytes", totalSentBytes_);
    assignReal(ad, "TotalReceivedBytes", totalReceivedBytes_);
  }

  void readTerminationFields(const ClassAd& ad) {
    usageFromEventAd(ad, usage_);
    lookupFlag(ad, "TerminatedNormally", normal_);
    lookupInt(ad, "ReturnValue", returnValue_);
    lookupInt(ad, "TerminatedBySignal", signalNumber_);
    lookupString(ad, "CoreFile", coreFile_);
    readRusageField(ad, "RunLocalUsage", runLocal_);
    readRusageField(ad, "RunRemoteUsage", runRemote_);
    readRusageField(ad, "TotalLocalUsage", totalLocal_);
    readRusageField(ad, "TotalRemoteUsage", totalRemote_);
    lookupReal(ad, "SentBytes", sentBytes_);
    lookupReal(ad, "ReceivedBytes", receivedBytes_);
    lookupReal(ad, "TotalSentBytes", totalSentBytes_);
    lookupReal(ad, "TotalReceivedBytes", totalReceivedBytes_);
  }

 private:
  bool normal_ = false;
  int returnValue_ = -1, signalNumber_ = -1;
  std::string coreFile_;
  Rusage runRemote_, runLocal_, totalRemote_, totalLocal_;
  double sentBytes_ = 0, receivedBytes_ = 0, totalSentBytes_ = 0, totalReceivedBytes_ = 0;
  std::shared_ptr<ClassAd> usage_;  // the resource table; null when the event has none
};

class JobTerminatedEvent final : public TerminatedBase {
 public:
  JobTerminatedEvent() : TerminatedBase(kJobTerminated) {}

  bool readBody(BodyReader& in, bool& gotSync, const ReadContext& context) override {
    readsToe_ = !context.version.atLeast(25);
    std::string line;
    if (!in.readLineValue("Job terminated.", line, gotSync)) return false;
    if (!readTermination(in, gotSync, "Job")) return false;
    if (gotSync || !in.readOptionalLine(line, gotSync)) return true;
    // The ToE line follows an empty line, which the table's loop has normally consumed; a
    // second empty line, or one followed by anything, fails the event.
    if (line.empty() && in.readOptionalLine(line, gotSync)) return false;
    if (!readsToe_) return true;
    if (removeAll(line, "\tJob terminated of its own accord at ")) {
      toe_ = ownAccordTag(line);
    } else if (removeAll(line, "\tJob terminated by ")) {
      ToeTag tag;
      if (!tag.read(line)) return false;
      toe_ = encodeToe(tag);
    } else {
      return false;
    }
    return true;
  }

 protected:
  void formatBody(std::string& out) const override {
    out += "Job terminated.\n";
    formatTermination(out, "Job");
    if (!toe_) return;
    ToeTag tag = decodeToe(*toe_);
    if (tag.howCode != kToeOfItsOwnAccord) {
      tag.write(out);
    } else if (tag.exitBySignal && tag.signalOrExitCode == 0) {
      // No signal 0: a tag from before exit information was recorded.
      out += "\n\tJob terminated of its own accord at " + tag.when + ".\n";
    } else {
      out += "\n\tJob terminated of its own accord at " + tag.when + " with " + (tag.exitBySignal ? "signal " : "exit-code ") +
             std::to_string(tag.signalOrExitCode) + ".\n";
    }
  }
  void addFields(ClassAd& ad) const override {
    addTerminationFields(ad, false);
    if (toe_) ad.insert("ToE", copyAd(*toe_));
  }
  void readFields(const ClassAd& ad, const ReadContext& context) override {
    readsToe_ = !context.version.atLeast(25);
    readTerminationFields(ad);
    if (!readsToe_) return;
    auto toe = lookupAd(ad, "ToE");
    toe_ = toe ? copyAd(*toe) : nullptr;
  }

 private:
  // "2026-11-21T06:20:09Z with exit-code 0." (or "with signal 9.", or only the time).
  static std::shared_ptr<ClassAd> ownAccordTag(const std::string& rest) {
    auto tag = std::make_shared<ClassAd>();
    assignString(*tag, "Who", "itself");
    assignString(*tag, "How", kToeOfItsOwnAccordName);
    assignInt(*tag, "HowCode", kToeOfItsOwnAccord);
    assignInt(*tag, "When", toeSeconds(rest));
    size_t with = rest.find(" with ");
    char kind[16];
    int number = 0;
    if (with != std::string::npos && std::sscanf(rest.c_str() + with, " with %15s %d", kind, &number) == 2) {
      if (std::strcmp(kind, "signal") == 0) {
        assignBool(*tag, "ExitBySignal", true);
        assignInt(*tag, "ExitSignal", number);
      } else if (std::strcmp(kind, "exit-code") == 0) {
        assignBool(*tag, "ExitBySignal", false);
        assignInt(*tag, "ExitCode", number);
      }
    }
    return tag;
  }

  bool readsToe_ = true;
  std::shared_ptr<ClassAd> toe_;
};

class NodeTerminatedEvent final : public TerminatedBase {
 public:
  NodeTerminatedEvent() : TerminatedBase(kNodeTerminated) {}

  bool readBody(BodyReader& in, bool& gotSync, const ReadContext&) override {
    std::string line;
    if (!in.readOptionalLine(line, gotSync) || std::sscanf(line.c_str(), "Node %d terminated.", &node_) != 1) return false;
    return readTermination(in, gotSync, "Node");
  }

 protected:
  void formatBody(std::string& out) const override {
    out += printf1("Node %d terminated.\n", node_);
    formatTermination(out, "Node");
  }
  void addFields(ClassAd& ad) const override {
    addTerminationFields(ad, true);
    if (node_ >= 0) assignInt(ad, "Node", node_);
  }
  void readFields(const ClassAd& ad, const ReadContext&) override {
    readTerminationFields(ad);
    lookupInt(ad, "Node", node_);
  }

 private:
  int node_ = -1;
};

class CheckpointedEvent final : public Event {
 public:
  CheckpointedEvent() : Event(kCheckpointed) {}

  bool readBody(BodyReader& in, bool& gotSync, const ReadContext& context) override {
    std::string line;
    if (!in.readLineValue("Job was checkpointed.", line, gotSync)) return false;
    if (!readRusageLine(in, gotSync, runRemote_) || !readRusageLine(in, gotSync, runLocal_)) return false;
    if (!in.readOptionalLine(line, gotSync)) return true;  // older logs end here
    const bool scanned = std::sscanf(line.c_str(), "\t%lf  -  Run Bytes Sent By Job For Checkpoint", &sentBytes_) == 1;
    return scanned || !context.version.atLeast(25);
  }

 protected:
  void formatBody(std::string& out) const override {
    out += "Job was checkpointed.\n";
    formatRusage(out, runRemote_);
    out += "  -  Run Remote Usage\n";
    formatRusage(out, runLocal_);
    out += "  -  Run Local Usage\n";
    out += "\t" + wholeBytes(sentBytes_) + "  -  Run Bytes Sent By Job For Checkpoint\n";
  }
  void addFields(ClassAd& ad) const override {
    assignString(ad, "RunLocalUsage", rusageText(runLocal_));
    assignString(ad, "RunRemoteUsage", rusageText(runRemote_));
    assignReal(ad, "SentBytes", sentBytes_);
  }
  void readFields(const ClassAd& ad, const ReadContext&) override {
    readRusageField(ad, "RunLocalUsage", runLocal_);
    readRusageField(ad, "RunRemoteUsage", runRemote_);
    lookupReal(ad, "SentBytes", sentBytes_);
  }

 private:
  Rusage runRemote_, runLocal_;
  double sentBytes_ = 0;
};

class JobEvictedEvent final : public Event {
 public:
  JobEvictedEvent() : Event(kJobEvicted) {}

  bool readBody(BodyReader& in, bool& gotSync, const ReadContext& context) override {
    release25_ = context.version.atLeast(25);
    reason_.clear();
    coreFile_.clear();
    std::string line;
    if (!in.readLineValue("Job was evicted.", line, gotSync)) return false;
    if (release25_) (void)std::sscanf(line.c_str(), " Code %d Subcode %d", &reasonCode_, &reasonSubcode_);
    int checkpointed = 0;
    char kind[128];
    // ([a-zA-z] is HTCondor's: the range takes in [\]^_` too.)
    if (!in.readOptionalLine(line, gotSync) || std::sscanf(line.c_str(), "\t(%d) %127[a-zA-z ]", &checkpointed, kind) != 2) return false;
    checkpointed_ = checkpointed != 0;
    requeued_ = std::strncmp(kind, "Job terminated and was requeued", 31) == 0;
    if (!readRusageLine(in, gotSync, runRemote_) || !readRusageLine(in, gotSync, runLocal_)) return false;
    // Older logs have no byte counts.
    if (!in.readOptionalLine(line, gotSync) || std::sscanf(line.c_str(), "\t%lf  -  Run Bytes Sent By Job", &sentBytes_) != 1 ||
        !in.readOptionalLine(line, gotSync) || std::sscanf(line.c_str(), "\t%lf  -  Run Bytes Received By Job", &receivedBytes_) != 1) {
      return true;
    }
    if (requeued_) {
      if (!readExitLine(in, gotSync, nonZero, normal_, returnValue_, signalNumber_)) return false;
      if (!normal_ && !readCoreLine(in, gotSync, coreFile_)) return false;
    } else if (!release25_) {
      return true;  // 23 reads no reason after a plain eviction
    }
    if (in.readOptionalLine(line, gotSync)) {
      constexpr std::string_view kReason = "\tReason: ";
      if (!release25_) {
        trimLine(line);
        reason_ = line;
      } else if (startsWith(line, "\tPartitionable Resources")) {
        // the usage table: no reason
      } else if (startsWith(line, kReason)) {
        reason_ = line.substr(kReason.size());
      } else {
        trimLine(line);
        reason_ = line;
      }
    }
    return true;
  }

 protected:
  void formatBody(std::string& out) const override {
    if (release25_ && reasonCode_ != 0) {
      out += "Job was evicted. Code " + std::to_string(reasonCode_) + " Subcode " + std::to_string(reasonSubcode_) + "\n\t";
    } else {
      out += "Job was evicted.\n\t";
    }
    if (requeued_) out += "(0) Job terminated and was requeued\n\t";
    else if (checkpointed_) out += "(1) Job was checkpointed.\n\t";
    else out += "(0) CPU times\n\t";
    formatRusage(out, runRemote_);
    out += "  -  Run Remote Usage\n\t";
    formatRusage(out, runLocal_);
    out += "  -  Run Local Usage\n";
    out += "\t" + wholeBytes(sentBytes_) + "  -  Run Bytes Sent By Job\n";
    out += "\t" + wholeBytes(receivedBytes_) + "  -  Run Bytes Received By Job\n";
    if (requeued_) {
      if (normal_) {
        out += printf1("\t(1) Normal termination (return value %d)\n", returnValue_);
      } else {
        out += printf1("\t(0) Abnormal termination (signal %d)\n", signalNumber_);
        out += coreFile_.empty() ? "\t(0) No core file\n" : "\t(1) Corefile in: " + coreFile_ + "\n";
      }
    }
    if (!reason_.empty()) out += (release25_ && !requeued_ ? "\tReason: " : "\t") + reason_ + "\n";
  }
  void addFields(ClassAd& ad) const override {
    assignBool(ad, "Checkpointed", checkpointed_);
    assignString(ad, "RunLocalUsage", rusageText(runLocal_));
    assignString(ad, "RunRemoteUsage", rusageText(runRemote_));
    assignReal(ad, "SentBytes", sentBytes_);
    assignReal(ad, "ReceivedBytes", receivedBytes_);
    assignBool(ad, "TerminatedAndRequeued", requeued_);
    assignBool(ad, "TerminatedNormally", normal_);
    if (returnValue_ >= 0) assignInt(ad, "ReturnValue", returnValue_);
    if (signalNumber_ >= 0) assignInt(ad, "TerminatedBySignal", signalNumber_);
    if (!reason_.empty()) assignString(ad, "Reason", reason_);
    if (release25_ && reasonCode_ != 0) assignInt(ad, "ReasonCode", reasonCode_);
    if (release25_ && reasonSubcode_ != 0) assignInt(ad, "ReasonSubCode", reasonSubcode_);
    if (!coreFile_.empty()) assignString(ad, "CoreFile", coreFile_);
  }
  void readFields(const ClassAd& ad, const ReadContext& context) override {
    release25_ = context.version.atLeast(25);
    lookupFlag(ad, "Checkpointed", checkpointed_);
    readRusageField(ad, "RunLocalUsage", runLocal_);
    readRusageField(ad, "RunRemoteUsage", runRemote_);
    lookupReal(ad, "SentBytes", sentBytes_);
    lookupReal(ad, "ReceivedBytes", receivedBytes_);
    lookupFlag(ad, "TerminatedAndRequeued", requeued_);
    lookupFlag(ad, "TerminatedNormally", normal_);
    lookupInt(ad, "ReturnValue", returnValue_);
    lookupInt(ad, "TerminatedBySignal", signalNumber_);
    lookupString(ad, "Reason", reason_);
    if (release25_) {
      lookupInt(ad, "ReasonCode", reasonCode_);
      lookupInt(ad, "ReasonSubCode", reasonSubcode_);
    }
    lookupString(ad, "CoreFile", coreFile_);
  }

 private:
  bool release25_ = false;
  bool checkpointed_ = false, requeued_ = false, normal_ = false;
  int returnValue_ = -1, signalNumber_ = -1;
  int reasonCode_ = 0, reasonSubcode_ = 0;  // 25 only
  Rusage runRemote_, runLocal_;
  double sentBytes_ = 0, receivedBytes_ = 0;
  std::string reason_, coreFile_;
};

class JobAbortedEvent final : public Event {
 public:
  JobAbortedEvent() : Event(kJobAborted) {}

  bool readBody(BodyReader& in, bool& gotSync, const ReadContext& context) override {
    readsToe_ = !context.version.atLeast(25);
    reason_.clear();
    std::string line;
    if (!in.readLineValue("Job was aborted", line, gotSync)) return false;
    if (in.readOptionalLine(line, gotSync)) {
      trimLine(line);
      reason_ = line;
    }
    if (gotSync || !in.readOptionalLine(line, gotSync)) return true;
    // The ToE line comes after an empty line.
    if (line.empty() && !in.readOptionalLine(line, gotSync)) return false;
    if (!readsToe_) return true;
    if (!removeAll(line, "\tJob terminated by ")) return false;
    toe_.emplace();
    return toe_->read(line);
  }

 protected:
  void formatBody(std::string& out) const override {
    out += "Job was aborted.\n";
    if (!reason_.empty()) out += "\t" + reason_ + "\n";
    if (toe_) toe_->write(out);
  }
  void addFields(ClassAd& ad) const override {
    if (!reason_.empty()) assignString(ad, "Reason", reason_);
    if (toe_) ad.insert("ToE", encodeToe(*toe_));
  }
  void readFields(const ClassAd& ad, const ReadContext& context) override {
    readsToe_ = !context.version.atLeast(25);
    lookupString(ad, "Reason", reason_);
    if (!readsToe_) return;
    if (auto toe = lookupAd(ad, "ToE")) toe_ = decodeToe(*toe);
  }

 private:
  bool readsToe_ = true;
  std::string reason_;
  // Kept as the tag, not the ad: read from text, its time stays epoch digits (see ToeTag).
  std::optional<ToeTag> toe_;
};

class PostScriptTerminatedEvent final : public Event {
 public:
  PostScriptTerminatedEvent() : Event(kPostScriptTerminated) {}

  bool readBody(BodyReader& in, bool& gotSync, const ReadContext&) override {
    node_.clear();
    std::string line;
    if (!in.readLineValue("POST Script terminated.", line, gotSync)) return false;
    if (!readExitLine(in, gotSync, isOne, normal_, returnValue_, signalNumber_)) return false;
    if (!in.readOptionalLine(line, gotSync)) return true;
    trimLine(line);
    if (startsWith(line, kNodeLabel)) node_ = line.substr(kNodeLabel.size());
    return true;
  }

 protected:
  void formatBody(std::string& out) const override {
    out += "POST Script terminated.\n";
    if (normal_) out += printf1("\t(1) Normal termination (return value %d)\n", returnValue_);
    else out += printf1("\t(0) Abnormal termination (signal %d)\n", signalNumber_);
    if (!node_.empty()) out += "    " + std::string(kNodeLabel) + node_.substr(0, 8191) + "\n";
  }
  void addFields(ClassAd& ad) const override {
    assignBool(ad, "TerminatedNormally", normal_);
    if (returnValue_ >= 0) assignInt(ad, "ReturnValue", returnValue_);
    if (signalNumber_ >= 0) assignInt(ad, "TerminatedBySignal", signalNumber_);
    if (!node_.empty()) assignString(ad, "DAGNodeName", node_);
  }
  void readFields(const ClassAd& ad, const ReadContext&) override {
    lookupFlag(ad, "TerminatedNormally", normal_);
    lookupInt(ad, "ReturnValue", returnValue_);
    lookupInt(ad, "TerminatedBySignal", signalNumber_);
    node_.clear();
    lookupString(ad, "DAGNodeName", node_);
  }

 private:
  static constexpr std::string_view kNodeLabel = "DAG Node: ";
  bool normal_ = false;
  int returnValue_ = -1, signalNumber_ = -1;
  std::string node_;
};

}  // namespace

std::unique_ptr<Event> makeTerminationEvent(int number) {
  switch (number) {
    case kCheckpointed: return std::make_unique<CheckpointedEvent>();
    case kJobEvicted: return std::make_unique<JobEvictedEvent>();
    case kJobTerminated: return std::make_unique<JobTerminatedEvent>();
    case kJobAborted: return std::make_unique<JobAbortedEvent>();
    case kNodeTerminated: return std::make_unique<NodeTerminatedEvent>();
    case kPostScriptTerminated: return std::make_unique<PostScriptTerminatedEvent>();
    default: return nullptr;
  }
}

}  // namespace htcondor::eventlog
