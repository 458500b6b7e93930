#include "config/if_condition.hpp"

#include <cstdio>
#include <cstdlib>

#include "config/macro_table.hpp"
#include "config/config_text.hpp"
#include "config/macro_expand.hpp"

namespace htcondor::config {

namespace {

enum class Shape { Empty, Number, Bool, Identifier, Macro, Version, IfDef, Complex };

// matches_literal_ignore_case(): `lit` (lower case) after leading whitespace, then either only
// whitespace or (with trailing allowed) a character that cannot continue a word.
bool matchesLiteral(std::string_view text, std::string_view lit, bool nothingAfter = true) {
  text = trimStart(text);
  if (text.size() < lit.size()) return false;
  for (size_t i = 0; i < lit.size(); ++i)
    if ((text[i] | 0x20) != lit[i]) return false;
  text.remove_prefix(lit.size());
  if (nothingAfter) return trimStart(text).empty();
  return text.empty() || !isAlnum(text.front());
}

// Characterize_config_if_expression(): which characters occur decides the shape.
Shape characterize(std::string_view expr, bool keywords) {
  enum : int {
    Space = 0x01, Digit = 0x02, Alpha = 0x04, Ident = 0x08, Cmp = 0x10, Sum = 0x20, Logic = 0x40,
    Group = 0x80, Money = 0x100, Colon = 0x200, Other = 0x400, Float = 0x1000, MacroStart = 0x2000,
  };
  std::string_view p = trimStart(expr);
  if (p.empty()) return Shape::Empty;
  const std::string_view begin = p;
  if (p.front() == '-') p.remove_prefix(1);
  int set = 0;
  for (size_t i = 0; i < p.size(); ++i) {
    const char ch = p[i];
    const char next = i + 1 < p.size() ? p[i + 1] : '\0';
    if (isDigit(ch)) set |= Digit;
    else if (ch == '.') set |= (set == Digit || next == '\0' || isDigit(next)) ? Float : Ident;
    else if (ch == 'e' || ch == 'E') set |= ((set & ~Float) == Digit) ? Float : Alpha;
    else if (ch == '-' || ch == '+') { if (set != (Digit | Float)) set |= Sum; }
    else if (isAlpha(ch)) set |= Alpha;
    else if (ch == '_' || ch == '/') set |= Ident;
    else if (ch >= '<' && ch <= '>') set |= Cmp;
    else if (ch == '!' && next == '=') set |= Cmp;
    else if (ch == '$') set |= Money | (next == '(' ? MacroStart : 0);
    else if (isSpace(ch)) { if (next != '\0' && !isSpace(next)) set |= Space; }
    else if (ch == '&' || ch == '|') set |= Logic;
    else if ((ch >= '{' && ch <= '}') || ch == '(' || ch == ')' || ch == '[' || ch == ']') set |= Group;
    else if (ch == ':') set |= Colon;
    else set |= Other;
  }
  switch (set) {
    case 0: return Shape::Empty;
    case Digit:
    case Digit | Float: return Shape::Number;
    case Alpha:
      if (matchesLiteral(expr, "false") || matchesLiteral(expr, "true")) return Shape::Bool;
      if (keywords && matchesLiteral(begin, "version")) return Shape::Version;
      if (keywords && matchesLiteral(begin, "defined")) return Shape::IfDef;
      return Shape::Identifier;
    case Alpha | Digit:
    case Alpha | Digit | Float:
    case Alpha | Ident:
    case Alpha | Ident | Digit:
    case Alpha | Ident | Digit | Float: return Shape::Identifier;
    case Alpha | Space | Cmp | Digit:
    case Alpha | Space | Cmp | Digit | Float:
      return keywords && matchesLiteral(begin, "version", false) ? Shape::Version : Shape::Complex;
    case Alpha | Space:
    case Alpha | Space | Colon:
    case Alpha | Space | Ident:
    case Alpha | Space | Ident | Colon:
    case Alpha | Space | Digit:
    case Alpha | Space | Digit | Ident:
    case Alpha | Space | Digit | Float:
    case Alpha | Space | Digit | Ident | Float:
      return keywords && matchesLiteral(begin, "defined", false) ? Shape::IfDef : Shape::Complex;
  }
  if ((set & MacroStart) && (set & ~(Money | Ident | Alpha | Digit | MacroStart | Colon)) == 0) return Shape::Macro;
  return Shape::Complex;
}

bool crufty(std::string_view expr, bool& out) {
  if (matchesLiteral(expr, "yes") || matchesLiteral(expr, "t")) return out = true, true;
  if (matchesLiteral(expr, "no") || matchesLiteral(expr, "f")) return out = false, true;
  return false;
}

long long versionScalar(long long major, long long minor, long long patch) { return major * 1000000 + minor * 1000 + patch; }

htcondor::Result<bool, std::string> version(std::string_view rest, const Release& mine) {
  std::string_view p = trimStart(rest);
  int op = 0;  // -1 <, 0 =, 1 >
  bool orEqual = false;
  const bool negated = !p.empty() && p.front() == '!';
  if (negated) p.remove_prefix(1);
  if (!p.empty() && p.front() >= '<' && p.front() <= '>') {
    op = p.front() - '=';
    p.remove_prefix(1);
  }
  if (!p.empty() && p.front() == '=') {
    orEqual = true;
    p.remove_prefix(1);
  }
  p = trimStart(p);
  long long theirs = 0;
  if (auto banner = parseVersionBanner(p)) {
    theirs = versionScalar(banner->major, banner->minor, banner->patch);
  } else {
    if (!p.empty() && (p.front() == 'v' || p.front() == 'V')) p.remove_prefix(1);
    int major = 0, minor = 0, patch = 0;
    const std::string text(cString(p));
    const int fields = std::sscanf(text.c_str(), "%d.%d.%d", &major, &minor, &patch);
    if (fields < 2 || major < 6) return failure(std::string("the version literal is invalid"));
    if (fields < 3) patch = mine.patch;
    theirs = versionScalar(major, minor, patch);
  }
  const long long ours = versionScalar(mine.major, mine.minor, mine.patch);
  const int diff = ours < theirs ? -1 : (ours > theirs ? 1 : 0);
  bool result = diff == op || (orEqual && diff == 0);
  return negated ? !result : result;
}

htcondor::Result<bool, std::string> defined(std::string_view rest, const MacroTable& config) {
  std::string_view p = trimStart(rest);
  if (p.empty()) return false;
  const Shape shape = characterize(p, false);
  if (shape == Shape::Identifier) {
    bool ignored = false;
    auto value = config.raw(p);
    if (!value && crufty(p, ignored)) return true;
    return value && !value->empty();
  }
  if (shape == Shape::Number || shape == Shape::Bool) return true;
  if (startsWithIgnoreCase(p, "use ")) {
    p = trimStart(p.substr(4));
    if (p.find_first_of(" \t\r") != std::string_view::npos)
      return failure(std::string("defined use meta argument with internal spaces will never match"));
    return false;  // no metaknob tables yet: nothing is defined
  }
  return failure(std::string("defined argument must be param name, boolean, or number"));
}

htcondor::Result<bool, std::string> evaluate(std::string_view expr, const MacroTable& config) {
  const Shape shape = characterize(expr, true);
  if (shape == Shape::Number) return std::atof(std::string(cString(expr)).c_str()) != 0.0;
  if (shape == Shape::Bool) return matchesLiteral(expr, "true");
  bool b = false;
  if (shape == Shape::Identifier && crufty(expr, b)) return b;
  if (shape == Shape::Version) return version(expr.substr(7), config.context().release);
  if (shape == Shape::IfDef) return defined(expr.substr(7), config);
  if (shape == Shape::Complex) return failure(std::string("complex conditionals are not supported"));
  return failure(std::string("expression is not a conditional"));
}

}  // namespace

htcondor::Result<bool, std::string> testCondition(std::string_view condition, const MacroTable& config) {
  std::string expanded;
  const bool hasMacros = condition.find('$') != std::string_view::npos;
  if (hasMacros) {
    auto e = expandMacros(condition, config);
    if (!e) return failure(e.error().message);
    expanded = std::string(trimEnd(*e));
    condition = expanded;
  }
  condition = trimStart(condition);
  bool inverted = false;
  if (!condition.empty() && condition.front() == '!') {
    inverted = true;
    condition = trimStart(condition.substr(1));
  }
  if (hasMacros && condition.empty()) return inverted;  // expanding to nothing is false
  auto value = evaluate(condition, config);
  if (!value) return value;
  return inverted ? !*value : *value;
}

}  // namespace htcondor::config
