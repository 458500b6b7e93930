#include "eventlog/log_reader.hpp"

#include <algorithm>
#include <cctype>

#include "classad/json_parser.hpp"
#include "classad/xml_parser.hpp"
#include "eventlog/ad_fields.hpp"
#include "eventlog/event_factory.hpp"

namespace htcondor::eventlog {

namespace {

using Status = ReadOutcome::Status;

// A read position once the buffer's consumed part is this large is moved to its start.
constexpr size_t kCompactAt = 1 << 20;

// Where the line after the "..." line that ends the event starting at `pos` begins, or npos
// while that line is not complete (ReadUserLog::synchronize).
size_t afterSyncLine(std::string_view text, size_t pos) {
  while (pos < text.size()) {
    size_t newline = text.find('\n', pos);
    if (newline == std::string_view::npos) return std::string_view::npos;
    std::string_view line = text.substr(pos, newline + 1 - pos);
    if (line == "...\n" || line == "...\r\n") return newline + 1;
    pos = newline + 1;
  }
  return std::string_view::npos;
}

}  // namespace

EventLogReader::EventLogReader(ReadContext context, uint64_t offset, LogFormat format)
    : context_(context), format_(format), base_(offset) {}

void EventLogReader::append(std::string_view bytes) { buffer_.append(bytes); }

void EventLogReader::compact() {
  if (pos_ < kCompactAt || pos_ < buffer_.size() / 2) return;
  buffer_.erase(0, pos_);
  base_ += pos_;
  pos_ = 0;
}

ReadOutcome EventLogReader::failure(std::string message, size_t resume) {
  ReadOutcome out;
  out.status = Status::Error;
  out.message = std::move(message) + " at offset " + std::to_string(offset());
  // Reading always moves on past bad bytes, so a garbled log never loops on them.
  pos_ = std::min(std::max(resume, pos_ + 1), buffer_.size());
  return out;
}

// ReadUserLog::determineLogType: the first character that is not white space.
bool EventLogReader::determineFormat() {
  size_t first = pos_;
  while (first < buffer_.size() && std::isspace(static_cast<unsigned char>(buffer_[first]))) ++first;
  if (first == buffer_.size()) return false;
  switch (buffer_[first]) {
    case '<': format_ = LogFormat::Xml; break;
    case '{': format_ = LogFormat::Json; break;
    default: format_ = LogFormat::Text; break;  // events start with '0'; anything else is reported by the text reader
  }
  return true;
}

ReadOutcome EventLogReader::next() {
  compact();
  if (format_ == LogFormat::Unknown && !determineFormat()) return {};
  return format_ == LogFormat::Text ? nextText() : nextClassAd();
}

// ReadUserLog::readEventNormal: the event number and header line, the body, then the "..."
// line. The whole event is there before it is parsed, so a partial event never half-parses.
ReadOutcome EventLogReader::nextText() {
  std::string_view text(buffer_);
  // Blank lines are no event (one is left where a writer ended a "..." line late); skip them.
  while (pos_ < text.size() && (text[pos_] == '\n' || text.substr(pos_, 2) == "\r\n")) pos_ += text[pos_] == '\r' ? 2 : 1;
  if (pos_ >= text.size()) return {};
  size_t end = afterSyncLine(text, pos_);
  // A last line "..." not yet ended by its newline ends the event only if the event's own
  // reading takes it as the sync line (HTCondor's is_sync_line); otherwise the event waits.
  const bool openEnded = end == std::string_view::npos;
  if (openEnded) {
    const size_t last = text.rfind('\n');
    const size_t lastStart = last == std::string_view::npos ? 0 : last + 1;
    const std::string_view tail = text.substr(lastStart);
    if (lastStart < pos_ || (tail != "..." && tail != "...\r")) return {};
    end = text.size();
  }
  std::string_view event = text.substr(0, end);

  BodyReader in(event, pos_);
  std::string header;
  in.readLine(header, 1024);
  // Exactly three digits and a space.
  if (header.size() < 4 || !std::isdigit(static_cast<unsigned char>(header[0])) ||
      !std::isdigit(static_cast<unsigned char>(header[1])) || !std::isdigit(static_cast<unsigned char>(header[2])) ||
      header[3] != ' ') {
    return openEnded ? ReadOutcome{} : failure("not the start of an event", end);
  }
  const int number = (header[0] - '0') * 100 + (header[1] - '0') * 10 + (header[2] - '0');
  ReadOutcome out;
  out.event = makeEvent(number);
  auto rest = out.event->readHeader(std::string_view(header).substr(3), context_);
  if (!rest) return openEnded ? ReadOutcome{} : failure("an event header that does not parse", end);
  in.stash(*rest);
  bool gotSync = false;
  const bool parsed = out.event->readBody(in, gotSync, context_);
  if (openEnded && !(parsed && gotSync)) return {};
  if (!parsed) return failure("an event of type " + std::to_string(number) + " that does not parse", end);
  out.status = Status::Event;
  out.begin = offset();
  pos_ = end;
  out.end = offset();
  return out;
}

// ReadUserLog::readEventClassad: one ad, then the event its EventTypeNumber names.
// After bytes that are no ad, reading goes on at the next line that opens one, found as more
// bytes come: so a log reads the same whether it arrives whole or in pieces.
bool EventLogReader::resync() {
  const std::string_view marker = format_ == LogFormat::Json ? "\n{" : "\n<c>";
  const size_t next = std::string_view(buffer_).find(marker, pos_);
  if (next == std::string_view::npos) {
    if (buffer_.size() >= marker.size()) pos_ = std::max(pos_, buffer_.size() - marker.size() + 1);
    return false;
  }
  pos_ = next + 1;
  resyncing_ = false;
  return true;
}

ReadOutcome EventLogReader::nextClassAd() {
  if (resyncing_ && !resync()) return {};
  std::string_view text = std::string_view(buffer_).substr(pos_);
  size_t start = 0;
  while (start < text.size() && std::isspace(static_cast<unsigned char>(text[start]))) ++start;
  if (start == text.size()) return {};

  std::shared_ptr<ClassAd> ad;
  size_t consumed = 0;
  if (format_ == LogFormat::Json) {
    classad::JsonParser parser(text.substr(start));
    ad = parser.parseClassAd();
    if (!ad) {
      if (parser.lexer().readEnd() >= text.size() - start) return {};  // the object goes on past what is there
      resyncing_ = true;
      return failure("a JSON event that does not parse", pos_ + start + 1);
    }
    consumed = start + parser.lexer().offset();
  } else {
    classad::XmlAdRead read = classad::readXmlAd(text.substr(start));
    if (read.status == classad::XmlAdRead::Status::Incomplete) return {};
    if (read.status == classad::XmlAdRead::Status::Error) {
      resyncing_ = true;
      return failure("an XML event that does not parse", pos_ + start + 1);
    }
    ad = read.ad;
    consumed = start + read.consumed;
  }

  int number = -1;
  if (!lookupInt(*ad, "EventTypeNumber", number)) return failure("an event without EventTypeNumber", pos_ + consumed);
  ReadOutcome out;
  out.status = Status::Event;
  out.event = makeEvent(number);
  out.event->fromAd(*ad, context_);
  out.begin = offset() + start;
  pos_ += consumed;
  out.end = offset();
  return out;
}

}  // namespace htcondor::eventlog
