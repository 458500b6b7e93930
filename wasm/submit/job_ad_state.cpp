// The helpers SubmitHash's steps share: parameters, assignments, values and paths.
#include "submit/job_ad_state.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "classad/eval.hpp"
#include "classad/parser.hpp"
#include "config/config_text.hpp"

namespace htcondor::submit::detail {

using classad::Literal;
using classad::Value;

std::optional<std::string> JobAdState::param(std::string_view name, std::string_view alt) {
  for (std::string_view n : {name, alt}) {
    if (n.empty() || !sub.mayDefine(n)) continue;
    auto got = sub.param(n);
    if (!got) {
      fail(got.error().message);
      return std::nullopt;
    }
    if (got->has_value()) return **got;
  }
  return std::nullopt;
}

bool JobAdState::paramBool(std::string_view name, std::string_view alt, bool dflt, bool* specified) {
  auto v = param(name, alt);
  if (specified) *specified = v.has_value();
  if (!v) return dflt;
  bool out = dflt;
  if (!stringIsBoolean(*v, out)) {
    fail(std::string(name) + "=" + *v + " is invalid, must eval to a boolean.");
    return dflt;
  }
  return out;
}

// The attribute names are mostly literals: one string made for the ad's key, none before.
void JobAdState::assignString(std::string_view attr, const std::string& value) {
  ad.insert(std::string(attr), std::make_shared<Literal>(Value::string(value)));
}
void JobAdState::assignInt(std::string_view attr, int64_t value) { ad.insert(std::string(attr), std::make_shared<Literal>(Value::integer(value))); }
void JobAdState::assignReal(std::string_view attr, double value) { ad.insert(std::string(attr), std::make_shared<Literal>(Value::real(value))); }
void JobAdState::assignBool(std::string_view attr, bool value) { ad.insert(std::string(attr), std::make_shared<Literal>(Value::boolean(value))); }

bool JobAdState::assignExpr(std::string_view attr, const std::string& text) {
  classad::ExprPtr tree = exprs.parse(text);
  if (!tree) {
    fail("Parse error in expression: \n\t" + std::string(attr) + " = " + text + "\n\t");
    return false;
  }
  ad.insert(std::string(attr), ExprCache::forInsert(tree));
  return true;
}

static std::optional<Value> literalOrValue(const classad::ClassAd& ad, std::string_view attr) {
  if (!ad.lookup(attr)) return std::nullopt;
  return classad::evaluateAttr(ad, attr);
}

std::optional<std::string> JobAdState::lookupString(std::string_view attr) const {
  auto v = literalOrValue(ad, attr);
  if (v && v->isString()) return v->asString();
  return std::nullopt;
}
std::optional<int64_t> JobAdState::lookupInt(std::string_view attr) const {
  auto v = literalOrValue(ad, attr);
  if (v && v->isInteger()) return v->asInteger();
  if (v && v->isReal()) return static_cast<int64_t>(v->asReal());
  return std::nullopt;
}
std::optional<bool> JobAdState::lookupBool(std::string_view attr) const {
  auto v = literalOrValue(ad, attr);
  if (v && v->isBoolean()) return v->asBoolean();
  if (v && v->isInteger()) return v->asInteger() != 0;
  return std::nullopt;
}

std::string JobAdState::fullPath(const std::string& name, bool useIwd) const {
  if (!name.empty() && name[0] == '/') return name;
  const std::string& dir = useIwd ? iwd : facts.cwd;
  if (dir.empty()) return name;
  return dir + (dir.back() == '/' ? "" : "/") + name;
}

int64_t JobAdState::imageSizeKb(const std::string& name) const {
  if (isUrl(name) || !facts.fileSize) return 0;
  auto size = facts.fileSize(fullPath(name));
  if (!size) return 0;
  return (*size + 1023) / 1024;
}

std::string trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool iequals(std::string_view a, std::string_view b) { return config::equalsIgnoreCase(a, b); }
bool istartsWith(std::string_view s, std::string_view prefix) { return config::startsWithIgnoreCase(s, prefix); }

// string_is_boolean_param: true/false (any case) or an expression that evaluates to a boolean or
// a number.
bool stringIsBoolean(std::string_view s, bool& value) {
  std::string t = trim(s);
  if (iequals(t, "true")) return value = true, true;
  if (iequals(t, "false")) return value = false, true;
  classad::Parser parser(t, classad::LexMode::Old);
  auto tree = parser.parseExpression(true);
  if (!tree) return false;
  auto v = classad::evaluateIn(*tree, nullptr);
  if (!v) return false;
  if (v->isBoolean()) return value = v->asBoolean(), true;
  if (v->isInteger()) return value = v->asInteger() != 0, true;
  if (v->isReal()) return value = v->asReal() != 0.0, true;
  return false;
}

bool stringIsLong(std::string_view s, int64_t& value) {
  std::string t = trim(s);
  classad::Parser parser(t, classad::LexMode::Old);
  auto tree = parser.parseExpression(true);
  if (!tree) return false;
  auto v = classad::evaluateIn(*tree, nullptr);
  if (!v) return false;
  if (v->isInteger()) return value = v->asInteger(), true;
  if (v->isReal()) return value = static_cast<int64_t>(v->asReal()), true;
  if (v->isBoolean()) return value = v->asBoolean() ? 1 : 0, true;
  return false;
}

bool parseInt64Bytes(std::string_view s, int64_t& value, int64_t base, char* unit) {
  std::string t = trim(s);
  size_t i = 0;
  while (i < t.size() && (std::isdigit(static_cast<unsigned char>(t[i])) || t[i] == '.')) ++i;
  if (i == 0) return false;
  double number = std::strtod(t.substr(0, i).c_str(), nullptr);
  while (i < t.size() && std::isspace(static_cast<unsigned char>(t[i]))) ++i;
  double mult = static_cast<double>(base);
  char u = 0;
  if (i < t.size()) {
    u = static_cast<char>(std::toupper(static_cast<unsigned char>(t[i])));
    switch (u) {
      case 'B': mult = 1; break;
      case 'K': mult = 1024.0; break;
      case 'M': mult = 1024.0 * 1024; break;
      case 'G': mult = 1024.0 * 1024 * 1024; break;
      case 'T': mult = 1024.0 * 1024 * 1024 * 1024; break;
      default: return false;
    }
    ++i;
    if (u != 'B' && i < t.size() && (t[i] == 'b' || t[i] == 'B')) ++i;
    if (i != t.size()) return false;
  }
  if (unit) *unit = u;
  value = static_cast<int64_t>(std::ceil(number * mult / static_cast<double>(base)));
  return true;
}

std::string trimAndStripQuotes(std::string_view s) {
  std::string t = trim(s);
  if (t.size() >= 2 && t.front() == '"' && t.back() == '"') t = t.substr(1, t.size() - 2);
  return t;
}

std::vector<std::string> splitList(std::string_view s, std::string_view seps) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = s.find_first_of(seps, i);
    if (j == std::string_view::npos) j = s.size();
    std::string item = trim(s.substr(i, j - i));
    if (!item.empty()) out.push_back(item);
    i = j + 1;
  }
  return out;
}

std::string join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += sep;
    out += items[i];
  }
  return out;
}

bool isUrl(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '+' || s[i] == '-' || s[i] == '.')) ++i;
  return i > 0 && s.substr(i, 3) == "://";
}

std::string wrapText(std::string_view text) {
  std::string out;
  size_t col = 0;
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '\n') {
      out += '\n';
      col = 0;
      ++i;
      continue;
    }
    if (text[i] == ' ') {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < text.size() && text[j] != ' ' && text[j] != '\n') ++j;
    std::string_view word = text.substr(i, j - i);
    if (col > 0 && col + word.size() > 78) {
      out += '\n';
      col = 0;
    }
    out += word;
    out += ' ';
    col += word.size() + 1;
    i = j;
  }
  out += '\n';
  return out;
}

bool isLiteralNumber(const classad::ExprTree& expr, double& value) {
  if (expr.kind() != classad::ExprTree::Kind::Literal) return false;
  const Value& v = static_cast<const Literal&>(expr).value();
  if (!v.isNumber()) return false;
  value = v.numberAsReal();
  return true;
}

}  // namespace htcondor::submit::detail
