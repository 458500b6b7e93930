#include "config/macro_functions.hpp"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <vector>

#include "classad/eval.hpp"
#include "classad/parser.hpp"
#include "classad/unparse.hpp"
#include "config/macro_table.hpp"
#include "config/config_text.hpp"
#include "security/random.hpp"

namespace htcondor::config {

namespace {

ExpandResult<std::string> fail(std::string message) { return failure(ExpandError{std::move(message)}); }

// The value of a text as a ClassAd expression evaluated in an empty ad, if it parses.
std::optional<classad::Value> evaluateExpression(const std::string& text) {
  auto tree = classad::parseExpression(text);
  if (!tree) return std::nullopt;
  return classad::evaluateIn(*tree, nullptr);
}

}  // namespace

std::optional<long long> longParam(const std::string& text) {
  const char* s = text.c_str();
  char* end = nullptr;
  errno = 0;
  const long long v = std::strtoll(s, &end, 10);
  if (end != s) {
    while (isSpace(*end)) ++end;
    if (*end == '\0') return v;
  }
  auto value = evaluateExpression(text);
  if (!value) return std::nullopt;
  if (value->isInteger()) return value->asInteger();
  if (value->isReal()) {
    // C's (long long) cast of a double; x86 gives LLONG_MIN where the value does not fit.
    const double r = value->asReal();
    if (!(r >= -9223372036854775808.0 && r < 9223372036854775808.0)) return LLONG_MIN;
    return static_cast<long long>(r);
  }
  if (value->isBoolean()) return value->asBoolean() ? 1 : 0;
  return std::nullopt;
}

namespace {

std::optional<double> doubleParam(const std::string& text) {
  const char* s = text.c_str();
  char* end = nullptr;
  const double v = std::strtod(s, &end);
  if (end != s) {
    while (isSpace(*end)) ++end;
    if (*end == '\0') return v;
  }
  auto value = evaluateExpression(text);
  if (!value) return std::nullopt;
  if (value->isNumber()) return value->numberAsReal();
  if (value->isBoolean()) return value->asBoolean() ? 1.0 : 0.0;
  return std::nullopt;
}

// A printf format with exactly one conversion, of one of `conversions`; "%%" is literal text.
// The length modifier is reported so a value can be narrowed the way printf would read it.
struct Format {
  std::string spec;  // the conversion without its length modifier, e.g. "%08" + "x"
  std::string before, after;
  std::string length;
  char conversion = 0;
};

std::optional<Format> parseFormat(std::string_view fmt, std::string_view conversions) {
  Format out;
  bool seen = false;
  std::string* text = &out.before;
  for (size_t i = 0; i < fmt.size();) {
    if (fmt[i] != '%') {
      *text += fmt[i++];
      continue;
    }
    if (i + 1 < fmt.size() && fmt[i + 1] == '%') {
      *text += "%%";
      i += 2;
      continue;
    }
    if (seen) return std::nullopt;
    seen = true;
    size_t j = i + 1;
    while (j < fmt.size() && std::string_view("-+ #0'").find(fmt[j]) != std::string_view::npos) ++j;
    while (j < fmt.size() && isDigit(fmt[j])) ++j;
    if (j < fmt.size() && fmt[j] == '.') {
      ++j;
      while (j < fmt.size() && isDigit(fmt[j])) ++j;
    }
    out.spec = std::string(fmt.substr(i, j - i));
    const size_t lengthStart = j;
    while (j < fmt.size() && std::string_view("hlLqjzt").find(fmt[j]) != std::string_view::npos) ++j;
    out.length = std::string(fmt.substr(lengthStart, j - lengthStart));
    if (j >= fmt.size() || conversions.find(fmt[j]) == std::string_view::npos) return std::nullopt;
    out.conversion = fmt[j];
    i = j + 1;
    text = &out.after;
  }
  if (!seen) return std::nullopt;
  return out;
}

std::string formatted(const Format& f, const char* spec, auto value) {
  const std::string full = f.before + spec + f.after;
  const int n = std::snprintf(nullptr, 0, full.c_str(), value);
  if (n < 0) return {};
  std::string out(static_cast<size_t>(n) + 1, '\0');
  std::snprintf(out.data(), out.size(), full.c_str(), value);
  out.resize(static_cast<size_t>(n));
  return out;
}

// printf of a long long as the format's length modifier reads its argument.
std::string formatInteger(const Format& f, long long v) {
  const std::string spec = f.spec + "ll" + f.conversion;
  const bool isSigned = f.conversion == 'd' || f.conversion == 'i';
  long long narrowed = v;
  if (f.length.empty()) narrowed = isSigned ? static_cast<int>(v) : static_cast<unsigned int>(v);
  else if (f.length == "h") narrowed = isSigned ? static_cast<short>(v) : static_cast<unsigned short>(v);
  else if (f.length == "hh") narrowed = isSigned ? static_cast<signed char>(v) : static_cast<unsigned char>(v);
  return formatted(f, spec.c_str(), narrowed);
}

// HTCondor formats numbers into a 56-byte buffer with snprintf(buf, 56, ...).
std::string clipped(std::string s) {
  if (s.size() > 55) s.resize(55);
  return s;
}

// StringTokenIterator without trimming, each token trimmed afterwards: empty tokens between
// adjacent commas vanish, tokens of spaces become empty strings.
std::vector<std::string> splitUntrimmed(std::string_view text, char delim) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == delim) ++i;
    if (i >= text.size()) break;
    size_t j = text.find(delim, i);
    if (j == std::string_view::npos) j = text.size();
    out.emplace_back(trim(text.substr(i, j - i)));
    i = j;
  }
  return out;
}

ExpandResult<int> randomIndex() {
  uint8_t bytes[4];
  if (!security::randomBytes(bytes)) return failure(ExpandError{"no random source for $RANDOM_CHOICE()/$RANDOM_INTEGER()"});
  const uint32_t v = (uint32_t{bytes[0]} << 24 | uint32_t{bytes[1]} << 16 | uint32_t{bytes[2]} << 8 | bytes[3]) & 0x7fffffffu;
  return static_cast<int>(v);
}

class Functions {
 public:
  explicit Functions(const MacroContext& c) : c_(c) {}

  // The raw value of `name`, or `name` itself when nothing is defined by that name, expanded
  // if it holds a '$' (the usual first step of these functions).
  ExpandResult<std::string> valueOrLiteral(std::string_view name, std::string_view literal) {
    auto value = c_.config.raw(name);
    return expandIfNeeded(value ? *value : literal);
  }
  ExpandResult<std::string> expandIfNeeded(std::string_view text) {
    if (text.find('$') == std::string_view::npos) return std::string(text);
    return c_.expand(text);
  }

  ExpandResult<std::string> randomChoice(std::string_view body) {
    std::vector<std::string> entries = splitList(body, ",");
    if (entries.size() == 1) {
      if (auto list = c_.config.raw(entries.front())) {
        auto expanded = expandIfNeeded(*list);
        if (!expanded) return expanded;
        entries = splitList(*expanded);
      }
    }
    if (entries.empty()) return fail("$RANDOM_CHOICE() macro in config file empty!");
    auto r = randomIndex();
    if (!r) return failure(r.error());
    return entries[static_cast<size_t>(*r) % entries.size()];
  }

  ExpandResult<std::string> randomInteger(std::string_view body) {
    const std::vector<std::string> entries = splitList(body, ",");
    auto toLong = [](const std::string& s) -> std::optional<long> {
      char* end = nullptr;
      const long v = std::strtol(s.c_str(), &end, 10);
      if (end == s.c_str()) return std::nullopt;
      return v;
    };
    const auto min = entries.size() > 0 ? toLong(entries[0]) : std::nullopt;
    if (!min) return fail("$RANDOM_INTEGER() config macro: invalid min!");
    const auto max = entries.size() > 1 ? toLong(entries[1]) : std::nullopt;
    if (!max) return fail("$RANDOM_INTEGER() config macro: invalid max!");
    long step = 1;
    if (entries.size() > 2 && !entries[2].empty()) {
      const auto s = toLong(entries[2]);
      if (!s) return fail("$RANDOM_INTEGER() config macro: invalid step!");
      step = *s;
    }
    if (step < 1) return fail("$RANDOM_INTEGER() config macro: invalid step!");
    if (*min > *max) return fail("$RANDOM_INTEGER() config macro: min > max!");
    const long long count = (static_cast<long long>(step) + *max - *min) / step;
    auto r = randomIndex();
    if (!r) return failure(r.error());
    return std::to_string(*min + (*r % count) * step);
  }

  ExpandResult<std::string> choice(std::string_view body) {
    std::vector<std::string> entries = splitUntrimmed(body, ',');
    if (entries.size() < 2) return fail("$CHOICE() config macro: no index!");
    auto indexText = valueOrLiteral(entries[0], entries[0]);
    if (!indexText) return indexText;
    const auto index = longParam(*indexText);
    if (!index || *index < 0 || *index >= INT_MAX) return fail("$CHOICE() macro: " + *indexText + " is invalid index!");
    size_t first = 1;
    if (entries.size() == 2) {
      auto list = c_.config.raw(entries[1]);
      if (!list) return fail("$CHOICE() macro: no list named \"" + entries[1] + "\"!");
      auto expanded = expandIfNeeded(*list);
      if (!expanded) return expanded;
      entries = splitList(*expanded, ",");
      first = 0;
    }
    if (static_cast<size_t>(*index) >= entries.size() - first)
      return fail("$CHOICE() config macro: index " + std::to_string(*index) + " is out of range!");
    return entries[first + static_cast<size_t>(*index)];
  }

  ExpandResult<std::string> substr(std::string_view body) {
    const size_t comma = body.find(',');
    if (comma == std::string_view::npos) return fail("$SUBSTR() macro: no length specified!");
    const std::string_view name = body.substr(0, comma);
    std::string_view startArg = body.substr(comma + 1);
    std::optional<std::string_view> lengthArg;
    if (const size_t c2 = startArg.find(','); c2 != std::string_view::npos) {
      lengthArg = startArg.substr(c2 + 1);
      startArg = startArg.substr(0, c2);
    }
    auto startText = valueOrLiteral(startArg, startArg);
    if (!startText) return startText;
    const auto start = longParam(*startText);
    if (!start || *start < INT_MIN || *start >= INT_MAX) return fail("$SUBSTR() macro: " + *startText + " is invalid start index!");
    long long length = INT_MAX / 2;
    if (lengthArg) {
      auto lengthText = valueOrLiteral(*lengthArg, *lengthArg);
      if (!lengthText) return lengthText;
      const auto l = longParam(*lengthText);
      if (!l || *l < INT_MIN || *l > INT_MAX) return fail("$SUBSTR() macro: " + *lengthText + " is invalid length !");
      length = *l;
    }
    auto raw = c_.config.raw(name);
    if (!raw) return std::string();
    auto value = expandIfNeeded(*raw);
    if (!value) return value;
    const long long size = static_cast<long long>(value->size());
    long long from = *start < 0 ? size + *start : *start;
    from = std::clamp(from, 0LL, size);
    const long long rest = size - from;
    long long take = length < 0 ? rest + length : length;
    take = std::clamp(take, 0LL, rest);
    return value->substr(static_cast<size_t>(from), static_cast<size_t>(take));
  }

  ExpandResult<std::string> number(MacroKind kind, std::string_view body) {
    const bool isInt = kind == MacroKind::Int;
    const char* what = isInt ? "$INT()" : "$REAL()";
    const size_t comma = body.find(',');
    const std::string_view name = body.substr(0, comma);
    std::optional<Format> format;
    if (comma != std::string_view::npos) {
      format = parseFormat(body.substr(comma + 1), isInt ? "diouxX" : "eEfFgGaA");
      if (!format) return fail(std::string(what) + " macro: '" + std::string(body.substr(comma + 1)) + "' is not a valid format specifier!");
    }
    auto text = valueOrLiteral(name, name);
    if (!text) return text;
    if (isInt) {
      const auto v = longParam(*text);
      if (!v) return fail("$INT() macro: " + *text + " does not evaluate to an integer!");
      return clipped(format ? formatInteger(*format, *v) : std::to_string(*v));
    }
    const auto v = doubleParam(*text);
    if (!v) return fail("$REAL() macro: " + *text + " does not evaluate to an real!");
    if (!format) return clipped(formatted(Format{}, "%.16G", *v));
    std::string out = clipped(formatted(*format, (format->spec + format->length + format->conversion).c_str(), *v));
    if (out.find('.') == std::string::npos) out += ".0";
    return out;
  }

  ExpandResult<std::string> string(std::string_view body) {
    const size_t comma = body.find(',');
    const std::string_view name = body.substr(0, comma);
    std::optional<Format> format;
    if (comma != std::string_view::npos) {
      format = parseFormat(body.substr(comma + 1), "s");
      if (!format || !format->length.empty())
        return fail("$STRING macro: '" + std::string(body.substr(comma + 1)) + "' is not a valid format specifier!");
    }
    auto text = valueOrLiteral(name, name);
    if (!text) return text;
    std::string value = *text;
    if (auto v = evaluateExpression(value); v && v->isString()) value = v->asString();
    if (format) return formatted(*format, (format->spec + "s").c_str(), value.c_str());
    return value;
  }

  ExpandResult<std::string> eval(std::string_view body) {
    auto raw = c_.config.raw(body);
    const std::string_view source = raw ? *raw : body;
    const bool hadMacros = source.find('$') != std::string_view::npos;
    auto text = expandIfNeeded(source);
    if (!text) return text;
    if (auto v = evaluateExpression(*text)) return v->isString() ? v->asString() : classad::unparse(*v);
    return hadMacros ? *text : std::string();
  }

  ExpandResult<std::string> filename(MacroKind kind, std::string_view func, std::string_view body) {
    auto text = valueOrLiteral(body, body);
    if (!text) return text;
    return filenameParts(kind, func, *text);
  }

 private:
  static std::string filenameParts(MacroKind kind, std::string_view func, std::string_view value);

  const MacroContext& c_;
};

// strcpy_quoted(): drops a leading '"' (or leading `quote`) and the matching trailing one, then
// adds `quote` around the result if asked.
std::string quotedCopy(std::string_view s, char quote) {
  char stripped = 0;
  if (!s.empty() && (s.front() == '"' || (quote && s.front() == quote))) {
    stripped = s.front();
    s.remove_prefix(1);
  }
  if (!s.empty() && s.back() == stripped) s.remove_suffix(1);
  std::string out;
  if (quote) out += quote;
  out += s;
  if (quote) out += quote;
  return out;
}

// condor_basename_plus_dirs(): the file name with its last `dirs` directories.
size_t basenamePlusDirs(std::string_view path, int dirs) {
  std::vector<size_t> seps;
  size_t p = 0;
  if (path.substr(0, 2) == "\\\\") {
    p = path.substr(2, 2) == ".\\" ? 4 : 2;
    seps.push_back(p);
  }
  for (; p < path.size(); ++p)
    if (path[p] == '\\' || path[p] == '/') seps.push_back(p + 1);
  while (dirs-- > 0 && !seps.empty()) seps.pop_back();
  return seps.empty() ? 0 : seps.back();
}

std::string Functions::filenameParts(MacroKind kind, std::string_view func, std::string_view value) {
  int parts = 0, dirs = 0;
  bool quoted = false, fullPath = false, bare = false, argQuote = false;
  char toPathChar = 0;
  if (kind == MacroKind::Basename) {
    parts = 1 | 2;
  } else if (kind == MacroKind::Dirname) {
    parts = 4;
  } else {
    for (char c : func.substr(1)) {
      switch (toLower(c)) {
        case 'x': parts |= 1; break;
        case 'n': parts |= 2; break;
        case 'p': parts |= 4; break;
        case 'd': parts |= 8; ++dirs; break;
        case 'a': argQuote = true; break;
        case 'b': bare = true; break;
        case 'f': fullPath = true; break;  // with no current directory (as for param()), a no-op
        case 'w': toPathChar = '\\'; break;
        case 'u': toPathChar = '/'; break;
        case 'q': quoted = true; break;
      }
    }
  }
  const char quote = quoted ? (argQuote ? '\'' : '"') : 0;
  // strlen_unquote(): one pair of matching outer quotes goes.
  if (value.size() > 1 && value.front() == value.back() && (value.front() == '"' || value.front() == '\'')) value = value.substr(1, value.size() - 2);
  std::string buf = quotedCopy(value, quote);
  if (toPathChar && (fullPath || parts || toPathChar || bare)) {
    const char from = toPathChar == '/' ? '\\' : '/';
    for (char& c : buf)
      if (c == from) c = toPathChar;
  }
  size_t end = buf.size();
  const size_t slash = buf.rfind('/');
  const size_t name = slash == std::string::npos ? 0 : slash + 1;  // condor_basename (Unix: '/' only)
  size_t ext = buf.size();                                           // condor_basename_extension_ptr
  for (size_t p = buf.size(); p > name; --p)
    if (p < buf.size() && buf[p] == '.') {
      ext = p;
      break;
    }
  if (name == 0 && (parts & 3)) parts &= ~(4 | 8);
  size_t start = 0;
  switch (parts & 0xF) {
    case 1: start = ext; if (bare && ext < end) ++start; break;
    case 3: start = name; break;
    case 2: start = name; end = ext; break;
    case 0: case 7: case 5: start = 0; break;
    case 4: end = name; if (bare && name > 0) end = name - 1; break;
    case 6: end = ext; break;
    default:
      if (name > 0) {
        start = basenamePlusDirs(buf, dirs);
        if ((parts & 3) == 2) end = ext;
        else if ((parts & 3) == 0) { end = name; if (bare && name > 0) end = name - 1; }
      } else {
        start = end = 1;
      }
      break;
  }
  if (buf.size() < end + 2) buf.resize(end + 2, '\0');
  if (quoted) {
    if (buf[start] != quote && start > 0) buf[--start] = quote;
    if (end > 1 && buf[end - 1] == quote) --end;
    buf[end++] = quote;
  }
  if (start > end) return {};
  return std::string(cString(std::string_view(buf).substr(start, end - start)));
}

}  // namespace

ExpandResult<std::string> evaluateFunction(MacroKind kind, std::string_view func, std::string_view body,
                                           const MacroContext& context) {
  Functions f(context);
  switch (kind) {
    case MacroKind::RandomChoice: return f.randomChoice(body);
    case MacroKind::RandomInteger: return f.randomInteger(body);
    case MacroKind::Choice: return f.choice(body);
    case MacroKind::Substr: return f.substr(body);
    case MacroKind::Int:
    case MacroKind::Real: return f.number(kind, body);
    case MacroKind::String: return f.string(body);
    case MacroKind::Eval: return f.eval(body);
    case MacroKind::Basename:
    case MacroKind::Dirname:
    case MacroKind::Filename: return f.filename(kind, func, body);
    case MacroKind::Normal:
    case MacroKind::Env: break;
  }
  return fail("unknown macro function $" + std::string(func) + "()");
}

}  // namespace htcondor::config
