#include "eventlog/body_reader.hpp"

#include <cctype>

namespace htcondor::eventlog {

bool isSyncLine(std::string_view line) {
  if (line.substr(0, 3) != "...") return false;
  line.remove_prefix(3);
  if (line.empty()) return true;
  if (line.front() == '\r') line.remove_prefix(1);
  return line == "\n";
}

bool BodyReader::readLine(std::string& line, size_t limit) {
  if (hasStash_) {
    hasStash_ = false;
    line.assign(stashed_.substr(0, limit == std::string::npos ? limit : limit - 1));
    return true;
  }
  if (pos_ >= text_.size()) {
    eof_ = true;
    return false;
  }
  size_t room = limit == std::string::npos ? limit : limit - 1;
  size_t newline = text_.find('\n', pos_);
  size_t end = newline == std::string_view::npos ? text_.size() : newline + 1;
  if (end - pos_ > room) end = pos_ + room;
  else if (newline == std::string_view::npos) eof_ = true;
  line.assign(text_.substr(pos_, end - pos_));
  pos_ = end;
  return true;
}

void chompLine(std::string& line) {
  if (line.empty() || line.back() != '\n') return;
  line.pop_back();
  if (!line.empty() && line.back() == '\r') line.pop_back();
}

void trimLine(std::string& line) {
  size_t begin = 0;
  while (begin < line.size() && std::isspace(static_cast<unsigned char>(line[begin]))) ++begin;
  size_t end = line.size();
  while (end > begin && std::isspace(static_cast<unsigned char>(line[end - 1]))) --end;
  line = line.substr(begin, end - begin);
}

bool BodyReader::readOptionalLine(std::string& line, bool& gotSync, bool chomp, bool trim, size_t limit) {
  line.clear();
  if (!readLine(line, limit)) return false;
  if (isSyncLine(line)) {
    line.clear();
    gotSync = true;
    return false;
  }
  // A bounded read (fgets into a buffer) that stopped short of a newline is a truncated line.
  if (limit != std::string::npos && (line.empty() || line.back() != '\n')) return false;
  if (trim) trimLine(line);
  else if (chomp) chompLine(line);
  return true;
}

bool BodyReader::readLineValue(std::string_view prefix, std::string& value, bool& gotSync, bool chomp) {
  value.clear();
  std::string line;
  if (!readLine(line)) return false;
  if (isSyncLine(line)) {
    gotSync = true;
    return false;
  }
  if (chomp) chompLine(line);
  if (line.compare(0, prefix.size(), prefix) != 0) return false;
  value = line.substr(prefix.size());
  return true;
}

}  // namespace htcondor::eventlog
