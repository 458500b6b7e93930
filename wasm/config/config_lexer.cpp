#include "config/config_lexer.hpp"

#include <algorithm>

#include "config/config_text.hpp"

namespace htcondor::config {

std::optional<LogicalLine> ConfigLexer::next(CommentRules rules) {
  if (pos_ >= text_.size()) return std::nullopt;
  std::string buf;
  size_t lineStart = 0;  // where the current physical line begins in buf
  bool inComment = false;
  for (;;) {
    if (pos_ >= text_.size()) break;  // end of text inside a continuation or a raw last line
    // One physical line, as fgets() hands it over: up to and including '\n'. What follows a NUL
    // is invisible to strlen(), so the line reads as unterminated and the next one joins it raw.
    const size_t nl = text_.find('\n', pos_);
    const size_t end = nl == std::string_view::npos ? text_.size() : nl + 1;
    const std::string_view physical = text_.substr(pos_, end - pos_);
    pos_ = end;
    ++line_;  // every physical line (HTCondor skips the unterminated ones; messages here name the real line)
    const size_t nul = physical.find('\0');
    if (nul != std::string_view::npos || physical.back() != '\n') {
      buf.append(physical.substr(0, nul));
      continue;
    }
    buf.append(physical);
    while (buf.size() > lineStart && isSpace(buf.back())) buf.pop_back();
    size_t first = lineStart;
    while (first < buf.size() && isSpace(buf[first])) ++first;
    inComment = first < buf.size() && buf[first] == '#';
    if (inComment && lineStart != 0 && rules == CommentRules::New) {
      // A commented-out line inside a continuation: keep only its last character.
      first = buf.size() - 1;
      inComment = false;
    }
    buf.erase(lineStart, first - lineStart);
    if (!buf.empty() && buf.back() == '\\') {
      buf.pop_back();
      if (!inComment || rules == CommentRules::Old) {
        lineStart = buf.size();
        continue;
      }
    }
    return LogicalLine{std::move(buf), line_};
  }
  if (buf.empty()) return std::nullopt;
  return LogicalLine{std::move(buf), line_};
}

StatementOp findStatementOp(std::string_view s, size_t nameEnd) {
  const auto isOp = [](char c) { return c == '=' || c == ':'; };
  StatementOp out{nameEnd, s[nameEnd], nameEnd + 1, false};
  if (isOp(out.op)) return out;
  size_t q = nameEnd + 1;
  while (q < s.size() && isSpace(s[q])) ++q;
  out.wordBeforeOp = q < s.size() && !isOp(s[q]) && s[q] != '@';
  while (q < s.size() && !isOp(s[q]) && s[q] != '@') ++q;
  out.at = q;
  out.op = q < s.size() ? s[q] : '\0';
  if (out.op) ++q;
  if (out.op == '@') {
    if (q < s.size() && s[q] == '=') ++q;
    else out.op = '\0';
  }
  out.valueAt = std::min(q, s.size());
  return out;
}

}  // namespace htcondor::config
