// Why a job stopped: the shadow's exceptions, the errors the execute side reports, holds and
// releases (condor_event.cpp's ShadowExceptionEvent, RemoteErrorEvent, JobHeldEvent,
// JobReleasedEvent).
#include <cstdio>

#include "eventlog/ad_fields.hpp"
#include "eventlog/event_number.hpp"
#include "eventlog/events_job.hpp"
#include "eventlog/scan_line.hpp"

namespace htcondor::eventlog {

namespace {

std::string printf0f(double value) {
  char text[400];  // %.0f of the largest double has 309 digits
  std::snprintf(text, sizeof text, "%.0f", value);
  return text;
}

class ShadowExceptionEvent final : public Event {
 public:
  ShadowExceptionEvent() : Event(kShadowException) {}

  bool readBody(BodyReader& in, bool& gotSync, const ReadContext&) override {
    std::string line;
    if (!in.readLineValue("Shadow exception!", line, gotSync)) return false;
    // Older shadows stop after the message, or before the byte counts: both are fine.
    if (!in.readOptionalLine(message_, gotSync, true, true)) return true;
    if (in.readOptionalLine(line, gotSync) && scanLine(line, "\t%lf  -  Run Bytes Sent By Job", {&sent_}) == 1 &&
        in.readOptionalLine(line, gotSync)) {
      scanLine(line, "\t%lf  -  Run Bytes Received By Job", {&received_});
    }
    return true;
  }

 protected:
  void formatBody(std::string& out) const override {
    out += "Shadow exception!\n\t" + message_ + "\n";
    out += "\t" + printf0f(sent_) + "  -  Run Bytes Sent By Job\n";
    out += "\t" + printf0f(received_) + "  -  Run Bytes Received By Job\n";
  }
  void addFields(ClassAd& ad) const override {
    assignString(ad, "Message", message_);
    assignReal(ad, "SentBytes", sent_);
    assignReal(ad, "ReceivedBytes", received_);
  }
  void readFields(const ClassAd& ad, const ReadContext&) override {
    if (!lookupString(ad, "Message", message_)) message_.clear();
    lookupReal(ad, "SentBytes", sent_);
    lookupReal(ad, "ReceivedBytes", received_);
  }

 private:
  std::string message_;
  double sent_ = 0.0, received_ = 0.0;
};

// Sent by the starter, logged for the shadow: "<Error|Warning> from <daemon> on <host>:", the
// message one tab-indented line each, and perhaps the hold code.
class RemoteErrorEvent final : public Event {
 public:
  RemoteErrorEvent() : Event(kRemoteError) {}

  bool readBody(BodyReader& in, bool& gotSync, const ReadContext&) override {
    std::string line;
    if (!in.readOptionalLine(line, gotSync)) return false;
    trimLine(line);
    std::string type = "Error";
    bool parsed = true;
    size_t at = line.find(" from ");
    if (at != std::string::npos) {
      type = line.substr(0, at);
      trimLine(type);
      line.erase(0, at + 6);
      trimLine(line);
    } else {
      parsed = false;
    }
    at = line.find(" on ");
    if (at == 0 || at == std::string::npos) {
      daemon_.clear();
    } else {
      daemon_ = line.substr(0, at);
      trimLine(daemon_);
      line.erase(0, at + 4);
      trimLine(line);
    }
    if (!line.empty() && line.back() == ':') line.pop_back();
    host_ = line;
    if (!parsed) return false;

    // Any other word leaves the default (critical).
    if (type == "Error") critical_ = true;
    else if (type == "Warning") critical_ = false;
    message_.clear();
    while (in.readOptionalLine(line, gotSync)) {
      std::string_view text(line);
      if (!text.empty() && text[0] == '\t') text.remove_prefix(1);
      int code = 0, subcode = 0;
      if (scanLine(text, "Code %d Subcode %d", {&code, &subcode}) == 2) {
        code_ = code;
        subcode_ = subcode;
        break;
      }
      if (!message_.empty()) message_ += "\n";
      message_ += text.substr(0, text.find('\0'));
    }
    return true;
  }

 protected:
  void formatBody(std::string& out) const override {
    out += (critical_ ? "Error" : "Message");
    out += " from " + daemon_ + " on " + host_ + ":\n";
    for (size_t at = 0; at < message_.size();) {
      size_t eol = message_.find('\n', at);
      out += "\t" + message_.substr(at, eol == std::string::npos ? eol : eol - at) + "\n";
      at = eol == std::string::npos ? eol : eol + 1;
    }
    if (code_ != 0) out += "\tCode " + std::to_string(code_) + " Subcode " + std::to_string(subcode_) + "\n";
  }
  void addFields(ClassAd& ad) const override {
    if (!daemon_.empty()) assignString(ad, "Daemon", daemon_);
    if (!host_.empty()) assignString(ad, "ExecuteHost", host_);
    if (!message_.empty()) assignString(ad, "ErrorMsg", message_);
    if (!critical_) assignInt(ad, "CriticalError", 0);
    // A code of 0 leaves both out: HTCondor relies on them being undefined then.
    if (code_ != 0) {
      assignInt(ad, "HoldReasonCode", code_);
      assignInt(ad, "HoldReasonSubCode", subcode_);
    }
  }
  void readFields(const ClassAd& ad, const ReadContext&) override {
    lookupString(ad, "Daemon", daemon_);
    lookupString(ad, "ExecuteHost", host_);
    lookupString(ad, "ErrorMsg", message_);
    int critical = 0;
    if (lookupInt(ad, "CriticalError", critical)) critical_ = critical != 0;
    lookupInt(ad, "HoldReasonCode", code_);
    lookupInt(ad, "HoldReasonSubCode", subcode_);
  }

 private:
  std::string host_, daemon_, message_;
  bool critical_ = true;
  int code_ = 0, subcode_ = 0;
};

class JobHeldEvent final : public Event {
 public:
  JobHeldEvent() : Event(kJobHeld) {}

  bool readBody(BodyReader& in, bool& gotSync, const ReadContext&) override {
    reason_.clear();
    code_ = subcode_ = 0;
    std::string line;
    if (!in.readLineValue("Job was held.", line, gotSync)) return false;
    // The reason and the codes came later: a log may end before either.
    if (!in.readOptionalLine(line, gotSync)) return true;
    trimLine(line);
    if (line != "Reason unspecified") reason_ = line;
    int code = 0, subcode = 0;
    if (in.readOptionalLine(line, gotSync) && scanLine(line, "\tCode %d Subcode %d", {&code, &subcode}) == 2) {
      code_ = code;
      subcode_ = subcode;
    }
    return true;
  }

 protected:
  void formatBody(std::string& out) const override {
    out += "Job was held.\n";
    out += reason_.empty() ? "\tReason unspecified\n" : "\t" + reason_ + "\n";
    out += "\tCode " + std::to_string(code_) + " Subcode " + std::to_string(subcode_) + "\n";
  }
  void addFields(ClassAd& ad) const override {
    if (!reason_.empty()) assignString(ad, "HoldReason", reason_);
    assignInt(ad, "HoldReasonCode", code_);
    assignInt(ad, "HoldReasonSubCode", subcode_);
  }
  void readFields(const ClassAd& ad, const ReadContext&) override {
    reason_.clear();
    code_ = subcode_ = 0;
    lookupString(ad, "HoldReason", reason_);
    lookupInt(ad, "HoldReasonCode", code_);
    lookupInt(ad, "HoldReasonSubCode", subcode_);
  }

 private:
  std::string reason_;
  int code_ = 0, subcode_ = 0;
};

class JobReleasedEvent final : public Event {
 public:
  JobReleasedEvent() : Event(kJobReleased) {}

  bool readBody(BodyReader& in, bool& gotSync, const ReadContext&) override {
    std::string line;
    if (!in.readLineValue("Job was released.", line, gotSync)) return false;
    if (!in.readOptionalLine(line, gotSync)) return true;  // the reason is optional
    trimLine(line);
    if (!line.empty()) reason_ = line;
    return true;
  }

 protected:
  void formatBody(std::string& out) const override {
    out += "Job was released.\n";
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

}  // namespace

std::unique_ptr<Event> makeJobHoldEvent(int number) {
  switch (number) {
    case kShadowException: return std::make_unique<ShadowExceptionEvent>();
    case kRemoteError: return std::make_unique<RemoteErrorEvent>();
    case kJobHeld: return std::make_unique<JobHeldEvent>();
    case kJobReleased: return std::make_unique<JobReleasedEvent>();
    default: return nullptr;
  }
}

}  // namespace htcondor::eventlog
