// File events: a job's file transfer stages and the data-reuse events for reserved space and
// the files kept in it (condor_event.cpp's FileTransferEvent, ReserveSpaceEvent,
// ReleaseSpaceEvent, FileCompleteEvent, FileUsedEvent, FileRemovedEvent).
//
// The data-reuse events print their body starting with a newline, so the rest of their header
// line is empty, while their readers want the first field there: HTCondor 23.9.6 cannot read
// them back from a classic log (readBody fails as its readEvent does). XML and JSON logs carry
// them whole.
#include <cerrno>
#include <cstdlib>
#include <string_view>

#include "classad/eval.hpp"
#include "eventlog/ad_fields.hpp"
#include "eventlog/event_factory.hpp"
#include "eventlog/event_number.hpp"

namespace htcondor::eventlog {

namespace {

// std::stoll without exceptions: leading white space and a sign, then digits; false where
// stoll throws (no digits, out of range).
bool stoll(const std::string& text, int64_t& out) {
  errno = 0;
  char* end = nullptr;
  long long value = std::strtoll(text.c_str(), &end, 10);
  if (end == text.c_str() || errno == ERANGE) return false;
  out = value;
  return true;
}

// ClassAd::EvaluateAttrInt: an integer, nothing else.
bool evaluateInt(const ClassAd& ad, std::string_view name, int64_t& out) {
  auto value = classad::evaluateAttr(ad, name);
  if (!value || !value->isInteger()) return false;
  out = value->asInteger();
  return true;
}

// size_t and time_t fields printed with %zu and %lu.
std::string unsignedText(int64_t value) { return std::to_string(static_cast<uint64_t>(value)); }

bool startsWith(const std::string& text, std::string_view prefix) { return text.compare(0, prefix.size(), prefix) == 0; }

// The next line, which must start with `prefix`; `value` is the rest of it.
bool readPrefixed(BodyReader& in, bool& gotSync, std::string_view prefix, std::string& value) {
  std::string line;
  if (!in.readOptionalLine(line, gotSync) || !startsWith(line, prefix)) return false;
  value = line.substr(prefix.size());
  return true;
}

bool readPrefixedNumber(BodyReader& in, bool& gotSync, std::string_view prefix, int64_t& value) {
  std::string text;
  return readPrefixed(in, gotSync, prefix, text) && stoll(text, value);
}

class FileTransferEvent final : public Event {
 public:
  FileTransferEvent() : Event(kFileTransfer) {}

  bool readBody(BodyReader& in, bool& gotSync, const ReadContext&) override {
    std::string line;
    if (!in.readOptionalLine(line, gotSync)) return false;
    type_ = 0;  // NONE is not a legal event in the log
    for (int i = 1; i < kMax; ++i) {
      if (line == kTypeText[i]) type_ = i;
    }
    if (type_ == 0) return false;
    if (!in.readOptionalLine(line, gotSync)) return gotSync;
    constexpr std::string_view kQueue = "\tSeconds spent in queue: ";
    if (startsWith(line, kQueue)) {
      std::string value = line.substr(kQueue.size());
      char* end = nullptr;
      queueingDelay_ = std::strtol(value.c_str(), &end, 10);
      if (*end != '\0') return false;
      if (!in.readOptionalLine(line, gotSync)) return gotSync;
    }
    constexpr std::string_view kHost = "\tTransferring to host: ";
    if (startsWith(line, kHost)) host_ = line.substr(kHost.size());
    return true;
  }

 protected:
  // A type outside 1..6 makes HTCondor's formatBody fail (str() is then the event's repr);
  // this prints the header alone.
  void formatBody(std::string& out) const override {
    if (type_ <= 0 || type_ >= kMax) return;
    out += std::string(kTypeText[type_]) + "\n";
    if (queueingDelay_ != -1) out += "\tSeconds spent in queue: " + unsignedText(queueingDelay_) + "\n";
    if (!host_.empty()) out += "\tTransferring to host: " + host_ + "\n";
  }
  void addFields(ClassAd& ad) const override {
    assignInt(ad, "Type", type_);
    if (queueingDelay_ != -1) assignInt(ad, "QueueingDelay", queueingDelay_);
    if (!host_.empty()) assignString(ad, "Host", host_);
  }
  void readFields(const ClassAd& ad, const ReadContext&) override {
    int type = -1;
    lookupInt(ad, "Type", type);
    if (type != -1) type_ = type;
    lookupInt(ad, "QueueingDelay", queueingDelay_);
    lookupString(ad, "Host", host_);
  }

 private:
  // FileTransferEventType, NONE to MAX, and FileTransferEventStrings.
  static constexpr int kMax = 7;
  static constexpr const char* kTypeText[kMax] = {
      "NONE",
      "Entered queue to transfer input files",
      "Started transferring input files",
      "Finished transferring input files",
      "Entered queue to transfer output files",
      "Started transferring output files",
      "Finished transferring output files",
  };

  int type_ = 0;
  int64_t queueingDelay_ = -1;
  std::string host_;
};

class ReserveSpaceEvent final : public Event {
 public:
  ReserveSpaceEvent() : Event(kReserveSpace) {}

  bool readBody(BodyReader& in, bool& gotSync, const ReadContext&) override {
    return readPrefixedNumber(in, gotSync, "Bytes reserved:", reserved_) &&
           readPrefixedNumber(in, gotSync, "\tReservation Expiration:", expiry_) &&
           readPrefixed(in, gotSync, "\tReservation UUID: ", uuid_) && readPrefixed(in, gotSync, "\tTag: ", tag_);
  }

 protected:
  void formatBody(std::string& out) const override {
    if (reserved_ != 0) out += "\n\tBytes reserved: " + unsignedText(reserved_) + "\n";
    out += "\tReservation Expiration: " + unsignedText(expiry_) + "\n";
    out += "\tReservation UUID: " + uuid_ + "\n";
    out += "\tTag: " + tag_ + "\n";
  }
  void addFields(ClassAd& ad) const override {
    assignInt(ad, "ExpirationTime", expiry_);
    assignInt(ad, "ReservedSpace", reserved_);
    assignString(ad, "UUID", uuid_);
    assignString(ad, "Tag", tag_);
  }
  void readFields(const ClassAd& ad, const ReadContext&) override {
    evaluateInt(ad, "ExpirationTime", expiry_);
    evaluateInt(ad, "ReservedSpace", reserved_);
    lookupString(ad, "UUID", uuid_);
    lookupString(ad, "Tag", tag_);
  }

 private:
  int64_t expiry_ = 0, reserved_ = 0;
  std::string uuid_, tag_;
};

class ReleaseSpaceEvent final : public Event {
 public:
  ReleaseSpaceEvent() : Event(kReleaseSpace) {}

  bool readBody(BodyReader& in, bool& gotSync, const ReadContext&) override {
    return readPrefixed(in, gotSync, "Reservation UUID: ", uuid_);
  }

 protected:
  void formatBody(std::string& out) const override { out += "\n\tReservation UUID: " + uuid_ + "\n"; }
  void addFields(ClassAd& ad) const override { assignString(ad, "UUID", uuid_); }
  void readFields(const ClassAd& ad, const ReadContext&) override { lookupString(ad, "UUID", uuid_); }

 private:
  std::string uuid_;
};

// FileCompleteEvent, FileUsedEvent and FileRemovedEvent: a file of the reuse directory, with a
// size (not for FileUsed), its checksum and type, and the reservation's UUID (FileComplete)
// or tag (the others).
class ReuseFileEvent final : public Event {
 public:
  explicit ReuseFileEvent(int number) : Event(number) {}

  bool readBody(BodyReader& in, bool& gotSync, const ReadContext&) override {
    if (hasSize()) {
      if (!readPrefixedNumber(in, gotSync, "Bytes:", size_)) return false;
      if (!readPrefixed(in, gotSync, "\tChecksum Value: ", checksum_)) return false;
    } else if (!readPrefixed(in, gotSync, "Checksum Value: ", checksum_)) {
      return false;
    }
    return readPrefixed(in, gotSync, "\tChecksum Type: ", checksumType_) &&
           readPrefixed(in, gotSync, hasUuid() ? "\tUUID: " : "\tTag: ", last_);
  }

 protected:
  void formatBody(std::string& out) const override {
    if (hasSize()) out += "\n\tBytes: " + unsignedText(size_) + "\n\tChecksum Value: " + checksum_ + "\n";
    else out += "\n\tChecksum Value: " + checksum_ + "\n";
    out += "\tChecksum Type: " + checksumType_ + "\n";
    out += (hasUuid() ? "\tUUID: " : "\tTag: ") + last_ + "\n";
  }
  void addFields(ClassAd& ad) const override {
    if (hasSize()) assignInt(ad, "Size", size_);
    assignString(ad, "Checksum", checksum_);
    assignString(ad, "ChecksumType", checksumType_);
    assignString(ad, hasUuid() ? "UUID" : "Tag", last_);
  }
  void readFields(const ClassAd& ad, const ReadContext&) override {
    if (hasSize()) evaluateInt(ad, "Size", size_);
    lookupString(ad, "Checksum", checksum_);
    lookupString(ad, "ChecksumType", checksumType_);
    lookupString(ad, hasUuid() ? "UUID" : "Tag", last_);
  }

 private:
  bool hasSize() const { return number() != kFileUsed; }
  bool hasUuid() const { return number() == kFileComplete; }

  int64_t size_ = 0;
  std::string checksum_, checksumType_, last_;
};

}  // namespace

std::unique_ptr<Event> makeFileEvent(int number) {
  switch (number) {
    case kFileTransfer: return std::make_unique<FileTransferEvent>();
    case kReserveSpace: return std::make_unique<ReserveSpaceEvent>();
    case kReleaseSpace: return std::make_unique<ReleaseSpaceEvent>();
    case kFileComplete:
    case kFileUsed:
    case kFileRemoved: return std::make_unique<ReuseFileEvent>(number);
    default: return nullptr;
  }
}

}  // namespace htcondor::eventlog
