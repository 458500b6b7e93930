#include "classad/old_syntax.hpp"

#include <algorithm>
#include <cctype>

#include "classad/parser.hpp"

namespace htcondor::classad {

namespace {

bool isSpace(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

// chomp(): drops a final "\n" or "\r\n".
void chomp(std::string& line) {
  if (line.empty() || line.back() != '\n') return;
  line.pop_back();
  if (!line.empty() && line.back() == '\r') line.pop_back();
}

bool isBlank(const std::string& line) { return std::all_of(line.begin(), line.end(), isSpace); }

enum class LineKind { Skip, Parse, EndOfAd };

// CondorClassAdFileParseHelper::PreParse with a blank-line delimiter.
LineKind classify(const std::string& line) {
  if (isBlank(line)) return LineKind::EndOfAd;
  for (char c : line) {
    if (c == '#') return LineKind::Skip;
    if (c != ' ' && c != '\t') return LineKind::Parse;
  }
  return LineKind::Skip;
}

}  // namespace

bool TextStream::readLine(std::string& line) {
  if (pos >= text.size()) {
    eof = true;
    return false;
  }
  size_t newline = text.find('\n', pos);
  size_t end = newline == std::string_view::npos ? text.size() : newline + 1;
  if (newline == std::string_view::npos) eof = true;  // fgets() ran into the end
  line.assign(text.substr(pos, end - pos));
  pos = end;
  return true;
}

void TextStream::consume(size_t count) {
  const size_t left = text.size() - pos;
  if (count > left) {
    pos = text.size();
    eof = true;
  } else {
    pos += count;
  }
}

std::optional<LongFormLine> splitLongFormLine(std::string_view line) {
  size_t start = 0;
  while (start < line.size() && isSpace(line[start])) ++start;
  const size_t eq = line.find('=', start);
  if (eq == std::string_view::npos) return std::nullopt;
  size_t nameEnd = eq;
  while (nameEnd > start && line[nameEnd - 1] == ' ') --nameEnd;
  if (nameEnd == start) return std::nullopt;
  size_t rhs = eq + 1;
  while (rhs < line.size() && line[rhs] == ' ') ++rhs;
  // HTCondor's string source ends at a NUL.
  std::string_view expr = line.substr(rhs);
  return LongFormLine{line.substr(start, nameEnd - start), expr.substr(0, expr.find('\0'))};
}

bool insertLongFormLine(ClassAd& ad, std::string_view line) {
  const auto parts = splitLongFormLine(line);
  if (!parts) return false;
  ExprPtr tree = Parser(parts->expr, LexMode::Old).parseExpression(false);
  if (!tree) return false;
  ad.insert(std::string(parts->name), std::move(tree));
  return true;
}

LongFormResult insertLongForm(TextStream& in, ClassAd& ad, bool skipAdOnError) {
  LongFormResult result;
  std::string line;
  while (in.readLine(line)) {
    chomp(line);
    const LineKind kind = classify(line);
    if (kind == LineKind::EndOfAd) break;
    if (kind == LineKind::Skip) continue;
    if (insertLongFormLine(ad, line)) {
      ++result.attrs;
      continue;
    }
    result.failed = true;
    if (skipAdOnError) {
      while (!in.eof && in.readLine(line)) {
        chomp(line);
        if (isBlank(line)) break;
      }
    }
    break;
  }
  return result;
}

}  // namespace htcondor::classad
