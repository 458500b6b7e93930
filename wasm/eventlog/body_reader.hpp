// The lines of one classic-format event as HTCondor's event classes read them (ULogFile and
// ULogEvent's line helpers): fgets()-style reads from the text after the event's start, one
// stashed line (the rest of the header line) read first, and the "..." line that ends an event.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace htcondor::eventlog {

// "...", with an optional "\r", then "\n" or nothing (a chomped line).
bool isSyncLine(std::string_view line);

class BodyReader {
 public:
  BodyReader(std::string_view text, size_t pos) : text_(text), pos_(pos) {}

  // fgets(): up to and including the next '\n', at most `limit - 1` characters; false at the
  // end. A read that reaches the end of the text sets atEnd() (feof).
  bool readLine(std::string& line, size_t limit = std::string::npos);
  // The next readLine() returns `line` (the header's tail) instead of reading.
  void stash(std::string_view line) { stashed_ = line; hasStash_ = true; }
  bool atEnd() const { return eof_; }
  size_t position() const { return pos_; }
  void seek(size_t pos) { pos_ = pos; eof_ = false; hasStash_ = false; }

  // ULogEvent::read_optional_line: a complete line that is not the sync line (which sets
  // `gotSync`), chomped (and trimmed) as asked. `limit` as fgets()'s buffer size.
  bool readOptionalLine(std::string& line, bool& gotSync, bool chomp = true, bool trim = false,
                        size_t limit = std::string::npos);
  // ULogEvent::read_line_value: the next line must start with `prefix`; `value` is the rest.
  bool readLineValue(std::string_view prefix, std::string& value, bool& gotSync, bool chomp = true);

 private:
  std::string_view text_;
  size_t pos_;
  bool eof_ = false;
  std::string_view stashed_;
  bool hasStash_ = false;
};

// HTCondor's chomp() and trim() of a line.
void chompLine(std::string& line);
void trimLine(std::string& line);

}  // namespace htcondor::eventlog
