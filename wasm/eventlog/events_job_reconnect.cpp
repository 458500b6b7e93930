// The shadow losing and regaining its job's execute point (condor_event.cpp's
// JobDisconnectedEvent, JobReconnectedEvent, JobReconnectFailedEvent). Their readers take raw
// lines, without looking for the "..." line, and find their fields by cutting known phrases
// out of them; their formatBody() and toClassAd() refuse events whose fields are empty.
#include "eventlog/ad_fields.hpp"
#include "eventlog/event_number.hpp"
#include "eventlog/events_job.hpp"

namespace htcondor::eventlog {

namespace {

// replace_str(line, phrase, ""): every occurrence, searching on from where the last one was
// cut. The number cut.
int cutAll(std::string& line, std::string_view phrase) {
  int count = 0;
  for (size_t at = line.find(phrase); at != std::string::npos; at = line.find(phrase, at)) {
    line.erase(at, phrase.size());
    ++count;
  }
  return count;
}

// A line of four spaces and at least one more character: the rest, chomped and read as a C
// string.
bool indentedText(const std::string& line, std::string& text) {
  if (line.size() < 5 || line.compare(0, 4, "    ") != 0 || line[4] == '\0') return false;
  std::string rest = line.substr(4);
  chompLine(rest);
  text = rest.substr(0, rest.find('\0'));
  return true;
}

std::string cString(const std::string& text) { return text.substr(0, text.find('\0')); }

// "%.8191s"
std::string upTo8191(const std::string& text) { return cString(text).substr(0, 8191); }

class JobDisconnectedEvent final : public Event {
 public:
  JobDisconnectedEvent() : Event(kJobDisconnected) {}

  bool readBody(BodyReader& in, bool&, const ReadContext&) override {
    std::string line;
    if (!in.readLine(line)) return false;  // "Job disconnected, attempting to reconnect"
    if (!in.readLine(line) || !indentedText(line, reason_)) return false;
    if (!in.readLine(line)) return false;
    chompLine(line);
    if (cutAll(line, "    Trying to reconnect to ") == 0) return false;
    size_t space = line.find(' ');
    if (space == std::string::npos) return false;
    startdAddr_ = cString(line.substr(space + 1));
    startdName_ = cString(line.substr(0, space));
    return true;
  }

 protected:
  bool complete() const override { return !reason_.empty() && !startdAddr_.empty() && !startdName_.empty(); }
  void formatBody(std::string& out) const override {
    out += "Job disconnected, attempting to reconnect\n";
    out += "    " + upTo8191(reason_) + "\n";
    out += "    Trying to reconnect to " + startdName_ + " " + startdAddr_ + "\n";
  }
  void addFields(ClassAd& ad) const override {
    assignString(ad, "StartdAddr", startdAddr_);
    assignString(ad, "StartdName", startdName_);
    assignString(ad, "DisconnectReason", reason_);
    assignString(ad, "EventDescription", "Job disconnected, attempting to reconnect");
  }
  void readFields(const ClassAd& ad, const ReadContext&) override {
    lookupString(ad, "DisconnectReason", reason_);
    lookupString(ad, "StartdAddr", startdAddr_);
    lookupString(ad, "StartdName", startdName_);
  }

 private:
  std::string startdAddr_, startdName_, reason_;
};

class JobReconnectedEvent final : public Event {
 public:
  JobReconnectedEvent() : Event(kJobReconnected) {}

  bool readBody(BodyReader& in, bool&, const ReadContext&) override {
    return readField(in, "Job reconnected to ", startdName_) && readField(in, "    startd address: ", startdAddr_) &&
           readField(in, "    starter address: ", starterAddr_);
  }

 protected:
  bool complete() const override { return !startdAddr_.empty() && !startdName_.empty() && !starterAddr_.empty(); }
  void formatBody(std::string& out) const override {
    out += "Job reconnected to " + startdName_ + "\n";
    out += "    startd address: " + startdAddr_ + "\n";
    out += "    starter address: " + starterAddr_ + "\n";
  }
  void addFields(ClassAd& ad) const override {
    assignString(ad, "StartdAddr", startdAddr_);
    assignString(ad, "StartdName", startdName_);
    assignString(ad, "StarterAddr", starterAddr_);
    assignString(ad, "EventDescription", "Job reconnected");
  }
  void readFields(const ClassAd& ad, const ReadContext&) override {
    lookupString(ad, "StartdAddr", startdAddr_);
    lookupString(ad, "StartdName", startdName_);
    lookupString(ad, "StarterAddr", starterAddr_);
  }

 private:
  // The next line with `phrase` cut out of it, chomped.
  static bool readField(BodyReader& in, std::string_view phrase, std::string& field) {
    std::string line;
    if (!in.readLine(line) || cutAll(line, phrase) == 0) return false;
    chompLine(line);
    field = line;
    return true;
  }

  std::string startdAddr_, startdName_, starterAddr_;
};

class JobReconnectFailedEvent final : public Event {
 public:
  JobReconnectFailedEvent() : Event(kJobReconnectFailed) {}

  bool readBody(BodyReader& in, bool&, const ReadContext&) override {
    std::string line;
    if (!in.readLine(line)) return false;  // "Job reconnection failed"
    if (!in.readLine(line) || !indentedText(line, reason_)) return false;
    // "    Can not reconnect to <name>, rescheduling job": the name ends at the first comma.
    if (!in.readLine(line) || cutAll(line, "    Can not reconnect to ") == 0) return false;
    size_t comma = line.find(',');
    if (comma == std::string::npos) return false;
    startdName_ = line.substr(0, comma);
    return true;
  }

 protected:
  bool complete() const override { return !reason_.empty() && !startdName_.empty(); }
  void formatBody(std::string& out) const override {
    out += "Job reconnection failed\n";
    out += "    " + upTo8191(reason_) + "\n";
    out += "    Can not reconnect to " + startdName_ + ", rescheduling job\n";
  }
  void addFields(ClassAd& ad) const override {
    assignString(ad, "StartdName", startdName_);
    assignString(ad, "Reason", reason_);
    assignString(ad, "EventDescription", "Job reconnect impossible: rescheduling job");
  }
  void readFields(const ClassAd& ad, const ReadContext&) override {
    lookupString(ad, "Reason", reason_);
    lookupString(ad, "StartdName", startdName_);
  }

 private:
  std::string startdName_, reason_;
};

}  // namespace

std::unique_ptr<Event> makeJobReconnectEvent(int number) {
  switch (number) {
    case kJobDisconnected: return std::make_unique<JobDisconnectedEvent>();
    case kJobReconnected: return std::make_unique<JobReconnectedEvent>();
    case kJobReconnectFailed: return std::make_unique<JobReconnectFailedEvent>();
    default: return nullptr;
  }
}

}  // namespace htcondor::eventlog
