#include "submit/queue_args.hpp"

#include <algorithm>
#include <climits>
#include <cstdlib>

#include "config/config_text.hpp"
#include "config/macro_functions.hpp"

namespace htcondor::submit {

namespace {

using config::isAlpha;
using config::isDigit;
using config::isSpace;

// strtol() as C reads a prefix of `s` from `pos`: the value and the end of the digits.
std::pair<long, size_t> strtolAt(std::string_view s, size_t pos) {
  std::string tail(s.substr(pos, std::min<size_t>(s.size() - pos, 64)));
  char* end = nullptr;
  const long v = std::strtol(tail.c_str(), &end, 10);
  return {v, pos + static_cast<size_t>(end - tail.c_str())};
}

// qslice::set(): "[a:b:c]" at `pos`; returns where parsing stopped (HTCondor leaves the
// closing ']' of a full three-part slice consumed, of a shorter one pointed at).
size_t parseSlice(std::string_view s, size_t pos, Slice& slice) {
  slice = Slice{};
  if (pos >= s.size() || s[pos] != '[') return pos;
  std::optional<int> parts[3];
  size_t p = pos;
  for (int i = 0; i < 3; ++i) {
    auto [v, end] = strtolAt(s, p + 1);
    const char next = end < s.size() ? s[end] : '\0';
    if (i < 2 ? (next != ':' && next != ']') : next != ']') {
      slice = Slice{};
      return pos;
    }
    if (end > p + 1) parts[i] = static_cast<int>(v);
    p = end;
    if (s[p] == ']') {
      slice.initialized = true;
      slice.start = parts[0];
      slice.end = parts[1];
      slice.step = parts[2];
      return i == 2 ? p + 1 : p;
    }
  }
  return pos;
}

// queue_token_scan(): words end at whitespace or '('; returns the position scanning stopped and
// the matched keyword's index and start.
struct TokenScan {
  size_t stop = 0;
  int match = -1;
  std::optional<size_t> tokenStart;
};

TokenScan scanTokens(std::string_view s, size_t p, const std::vector<std::string_view>& words, bool untilMatch) {
  TokenScan out;
  size_t tokenLen = 0;
  size_t tokenStart = 0;
  bool haveToken = false;
  constexpr size_t kMaxToken = 8;  // sizeof("matching")
  for (; p < s.size(); ++p) {
    const char ch = s[p];
    if (isSpace(ch) || ch == '(') {
      if (tokenLen >= 1 && tokenLen <= kMaxToken) {
        const std::string_view word = s.substr(tokenStart, tokenLen);
        for (size_t i = 0; i < words.size(); ++i) {
          if (config::equalsIgnoreCase(word, words[i])) {
            out.match = static_cast<int>(i);
            out.tokenStart = tokenStart;
            out.stop = p;
            return out;
          }
        }
      }
      if (!untilMatch) {
        if (haveToken) out.tokenStart = tokenStart;
        out.stop = p;
        return out;
      }
      tokenLen = 0;
    } else {
      if (!tokenLen) {
        tokenStart = p;
        haveToken = true;
      }
      ++tokenLen;
    }
  }
  // HTCondor's token pointer keeps the start of the last word seen.
  if (haveToken) out.tokenStart = tokenStart;
  out.stop = p;
  return out;
}

std::vector<std::string> splitVars(std::string_view text) { return config::splitList(text, ", \t\r\n"); }

void addListItems(std::vector<std::string>& items, std::string_view text) {
  for (auto& item : config::splitList(text)) items.push_back(std::move(item));
}

}  // namespace

bool Slice::selected(long long ix, long long len) const {
  if (!initialized) return ix >= 0 && ix < len;
  long long is = 0;
  if (start) is = *start < 0 ? *start + len : *start;
  long long ie = len;
  if (end) ie = *end < 0 ? *end + len : *end;
  return ix >= is && ix < ie && (!step || *step == 0 || (ix - is) % *step == 0);
}

long long Slice::lengthFor(long long len) const {
  if (!initialized) return len;
  long long is = 0;
  if (start) is = *start < 0 ? *start + len : *start;
  long long ie = len;
  if (end) ie = *end < 0 ? *end + len : *end;
  long long n = ie - is;
  if (step && *step > 1) n = (n + *step - 1) / *step;
  return std::clamp(n, 0LL, len);
}

long long QueueArgs::itemCount() const {
  if (mode == ForeachMode::Not) return 1;
  return slice.lengthFor(static_cast<long long>(items.size()));
}

Result<QueueArgs> parseQueueArgs(std::string_view input) {
  auto invalid = [] { return submitError("invalid Queue statement"); };
  QueueArgs o;
  std::string args(config::trimStart(input));
  if (args.empty()) return o;
  std::string_view s = args;

  static const std::vector<std::string_view> kForeach{"in", "from", "matching"};
  TokenScan scan = scanTokens(s, 0, kForeach, true);
  size_t numEnd = scan.stop;
  if (scan.match >= 0) {
    o.mode = scan.match == 0 ? ForeachMode::In : scan.match == 1 ? ForeachMode::From : ForeachMode::Matching;
    size_t p = scan.stop;
    while (p < s.size() && isSpace(s[p])) ++p;
    if (p < s.size() && s[p] != '(') {
      static const std::vector<std::string_view> kQualifiers{"files", "dirs", "any"};
      for (;;) {
        TokenScan q = scanTokens(s, p, kQualifiers, false);
        int qual = q.match >= 0 ? q.match + 1 : -1;
        size_t p2 = q.stop;
        if (q.tokenStart && s[*q.tokenStart] == '[') qual = 4;
        if (qual <= 0) break;
        if (qual <= 3) {
          if (o.mode != ForeachMode::Matching) return invalid();
          o.mode = qual == 1 ? ForeachMode::MatchingFiles : qual == 2 ? ForeachMode::MatchingDirs : ForeachMode::MatchingAny;
        } else {
          p2 = parseSlice(s, *q.tokenStart, o.slice);
          if (!o.slice.initialized) return invalid();
          if (p2 < s.size() && s[p2] == ']') ++p2;
        }
        if (p == p2) break;
        p = p2;
        while (p < s.size() && isSpace(s[p])) ++p;
      }
    }

    std::string_view list = s.substr(std::min(p, s.size()));
    bool oneLine = false;
    if (!list.empty() && list.front() == '(' && list.back() == ')') {
      list = list.substr(1, list.size() - 2);
      oneLine = true;
    }
    if (!oneLine && !list.empty() && list.front() == '(') {
      list = config::trimStart(list.substr(1));
      if (!list.empty()) {
        if (o.mode == ForeachMode::From) o.items.assign(1, std::string(list));
        else addListItems(o.items, list);
      }
      o.itemsFile = "<";
    } else if (o.mode == ForeachMode::From) {
      list = config::trimStart(list);
      if (oneLine) o.items.assign(1, std::string(list));
      else o.itemsFile = std::string(config::trim(list));
    } else {
      addListItems(o.items, list);
    }

    // The variables: walk back from the keyword over letters, commas, '_', '.', whitespace and
    // digits that follow a letter.
    size_t pvars = *scan.tokenStart;
    while (pvars > 0 && isSpace(s[pvars - 1])) --pvars;
    const size_t varsEnd = pvars;
    if (pvars > 0) {
      size_t pt = pvars;
      while (pt > 0) {
        char ch = s[pt - 1];
        if (isDigit(ch)) {
          --pt;
          while (pt > 0) {
            ch = s[pt - 1];
            if (isAlpha(ch)) break;
            if (!isDigit(ch)) {
              ch = '!';
              break;
            }
            --pt;
          }
        }
        if (isSpace(ch) || isAlpha(ch) || ch == ',' || ch == '_' || ch == '.') pvars = pt - 1;
        else break;
        if (pt == 0) break;
        --pt;
      }
      o.vars = splitVars(s.substr(pvars, varsEnd - pvars));
    }
    numEnd = pvars;
  }

  while (numEnd > 0 && isSpace(s[numEnd - 1])) --numEnd;
  if (numEnd > 0) {
    const auto value = config::longParam(std::string(s.substr(0, numEnd)));
    if (!value || *value < 0 || *value >= INT_MAX) return invalid();
    o.count = static_cast<int>(*value);
  }
  if (o.vars.empty() && o.mode != ForeachMode::Not) o.vars.emplace_back("Item");
  return o;
}

std::vector<std::string_view> splitItem(std::string_view item, size_t nvars) {
  std::vector<std::string_view> values;
  if (nvars == 0) return values;
  auto isWs = [](char c) { return c == ' ' || c == '\t'; };
  size_t p = 0;
  while (p < item.size() && isWs(item[p])) ++p;
  if (item.find('\x1F') != std::string_view::npos) {
    // Unit separators only; each field trimmed; missing fields are empty.
    for (size_t v = 0; v < nvars; ++v) {
      size_t us = item.find('\x1F', p);
      const bool last = v + 1 == nvars || us == std::string_view::npos;
      size_t end = (us == std::string_view::npos) ? item.size() : us;
      if (us == std::string_view::npos) {
        if (end > p && item[end - 1] == '\n') --end;
        if (end > p && item[end - 1] == '\r') --end;
      }
      size_t e = end;
      while (e > p && isWs(item[e - 1])) --e;
      values.push_back(item.substr(p, e - p));
      if (last) {
        if (us == std::string_view::npos)
          while (values.size() < nvars) values.push_back(item.substr(item.size(), 0));
        break;
      }
      p = us + 1;
      while (p < item.size() && isWs(item[p])) ++p;
    }
    return values;
  }
  constexpr std::string_view kSeps = ", \t";
  size_t start = p;
  for (size_t v = 1; v < nvars; ++v) {
    while (p < item.size() && kSeps.find(item[p]) == std::string_view::npos) ++p;
    if (p >= item.size()) break;
    values.push_back(item.substr(start, p - start));
    ++p;
    while (p < item.size() && isWs(item[p])) ++p;
    start = p;
  }
  values.push_back(item.substr(start));
  return values;
}

std::optional<std::string_view> queueStatementArgs(std::string_view line) {
  if (!config::startsWithIgnoreCase(line, "queue") || (line.size() > 5 && !isSpace(line[5]))) return std::nullopt;
  return config::trimStart(line.substr(5));
}

}  // namespace htcondor::submit
