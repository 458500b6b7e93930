// The job event log reader (ReadUserLog), sans-IO: the host appends the file's bytes as it
// reads them and asks for events; an event is returned only once it is complete, so a log
// still being written is read up to its last whole event, and the rest waits for more bytes.
// The format (classic text, XML or JSON) is told by the first character, as HTCondor does.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "eventlog/event.hpp"

namespace htcondor::eventlog {

enum class LogFormat { Unknown, Text, Xml, Json };

struct ReadOutcome {
  enum class Status {
    Event,    // `event` is the next event
    NoEvent,  // nothing complete yet: more bytes may finish it
    Error,    // the bytes at the read position are not an event; `message` says why, and
              // reading goes on after them
  };
  Status status = Status::NoEvent;
  std::unique_ptr<Event> event;
  std::string message;
  // With an event: the bytes that held it, as offsets like offset()'s.
  uint64_t begin = 0;
  uint64_t end = 0;
};

class EventLogReader {
 public:
  // Reading starts at byte `offset` of the file (0, or an offset() saved earlier together with
  // the format found then).
  explicit EventLogReader(ReadContext context, uint64_t offset = 0, LogFormat format = LogFormat::Unknown);

  // The file's next bytes (those after the ones appended so far).
  void append(std::string_view bytes);
  ReadOutcome next();

  // Bytes of the file consumed: where the next event starts.
  uint64_t offset() const { return base_ + pos_; }
  LogFormat format() const { return format_; }
  void setNow(int64_t now) { context_.now = now; }

 private:
  bool determineFormat();
  ReadOutcome nextText();
  ReadOutcome nextClassAd();
  ReadOutcome failure(std::string message, size_t resume);
  bool resync();
  void compact();

  ReadContext context_;
  LogFormat format_;
  uint64_t base_;     // file offset of buffer_[0]
  std::string buffer_;
  size_t pos_ = 0;    // read position in buffer_
  bool resyncing_ = false;  // looking for the next ad after bytes that were none
};

}  // namespace htcondor::eventlog
