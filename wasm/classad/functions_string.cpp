// Built-in functions: the string family (strcat, join, toUpper, toLower, substr, strcmp,
// stricmp, the version comparisons, and the htcondor module's split, splitUserName and
// splitSlotName).
#include <strings.h>

#include <algorithm>
#include <cstring>
#include <memory>

#include "classad/function_support.hpp"

namespace htcondor::classad {

namespace {

// Evaluates one argument as strCat does, spending a level of the recursion budget on it.
bool evalCounted(const ExprTree& arg, EvalState& state, Value& out) {
  if (state.depthRemaining <= 0) return false;
  --state.depthRemaining;
  const bool ok = evaluate(arg, state, out);
  ++state.depthRemaining;
  return ok;
}

// strcat(...) concatenates its arguments as strings (undefined if any is undefined);
// join(sep, ...) puts sep between the defined ones, skipping undefined; join(list) and
// join(sep, list) join the items of a list.
bool strCat(std::string_view name, const Args& args, EvalState& state, Value& result) {
  const bool isJoin = nameIs(name, "join");
  const Args* items = &args;
  Args joined;
  Value listValue;
  if (isJoin && !args.empty() && args.size() <= 2) {
    if (state.depthRemaining <= 0) return failResult(result);
    if (evalCounted(*args.back(), state, listValue) && listValue.isList()) {
      joined.push_back(args.size() > 1 ? args[0] : std::make_shared<Literal>(Value::string("")));
      const auto& listItems = listValue.asList()->items();
      joined.insert(joined.end(), listItems.begin(), listItems.end());
      items = &joined;
    }
  }
  std::string buf, sep;
  bool undefinedSeen = false, definedSeen = false;
  for (size_t i = 0; i < items->size(); ++i) {
    Value v;
    if (!evalCounted(*(*items)[i], state, v)) return failResult(result);
    Value text;
    convertToString(v, text);
    if (text.isUndefined()) {
      undefinedSeen = true;
      if (isJoin) continue;
      definedSeen = false;
      break;
    }
    if (!text.isString()) return errorResult(result);
    if (isJoin) {
      if (i == 0) {
        sep = text.asString();
        continue;
      }
      if (!buf.empty()) buf += sep;
    }
    definedSeen = true;
    buf += text.asString();
  }
  result = undefinedSeen && !definedSeen ? Value::undefined() : Value::string(std::move(buf));
  return true;
}

// toUpper, toLower: of the argument as a string; only ASCII letters change (the C locale).
bool changeCase(std::string_view name, const Args& args, EvalState& state, Value& result) {
  Value v;
  if (auto done = evalSoleArg(args, state, v, result)) return *done;
  Value text;
  if (!convertToString(v, text)) {
    result = text;  // undefined or error
    return true;
  }
  std::string s = text.asString();
  const bool lower = nameIs(name, "tolower");
  for (char& c : s) {
    if (lower && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (!lower && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  result = Value::string(std::move(s));
  return true;
}

// An integer argument as HTCondor reads it into an int: the low 32 bits.
int asInt(const Value& v) { return static_cast<int32_t>(static_cast<uint32_t>(static_cast<uint64_t>(v.asInteger()))); }

// substr(s, offset [, length]), Perl-like: negative offsets and lengths count from the end.
bool subString(std::string_view, const Args& args, EvalState& state, Value& result) {
  Value v[3];
  if (auto done = evalCallArgs(args, 2, 3, state, v, result)) return *done;
  const size_t n = args.size();
  if (undefinedArg({v, n}, result)) return true;
  if (!v[0].isString() || !v[1].isInteger() || (n == 3 && !v[2].isInteger())) return errorResult(result);
  const std::string& s = v[0].asString();
  const int size = static_cast<int>(s.size());
  int offset = asInt(v[1]);
  int len = n == 3 ? asInt(v[2]) : 0;
  if (offset < 0) offset = std::max(size + offset, 0);
  else if (offset >= size) offset = size;
  if (n == 3 && len == 0) {
    len = 0;  // an explicit length of 0 is empty, not "to the end"
  } else if (len <= 0) {
    len = std::max(size - offset + len, 0);
  } else if (len > size - offset) {
    len = size - offset;
  }
  result = Value::string(s.substr(static_cast<size_t>(offset), static_cast<size_t>(len)));
  return true;
}

int sign(int order) { return order < 0 ? -1 : (order > 0 ? 1 : 0); }

// strcmp, stricmp: -1, 0 or 1; the arguments compared as strings; undefined if either is.
bool compareString(std::string_view name, const Args& args, EvalState& state, Value& result) {
  Value v[2];
  if (auto done = evalCallArgs(args, 2, 2, state, v, result)) return *done;
  if (undefinedArg(v, result)) return true;
  Value a, b;
  if (!convertToString(v[0], a) || !convertToString(v[1], b)) return errorResult(result);
  const char* x = a.asString().c_str();
  const char* y = b.asString().c_str();
  result = Value::integer(sign(nameIs(name, "strcmp") ? std::strcmp(x, y) : strcasecmp(x, y)));
  return true;
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// HTCondor's natural_cmp (strverscmp-like): digit runs compare as numbers, more leading
// zeros first. The result is a difference of (signed) chars or lengths, not just a sign.
int naturalCompare(const char* s1, const char* s2) {
  const char* begin = s1;
  for (; *s1 && *s1 == *s2; ++s1, ++s2) {
  }
  if (*s1 == *s2) return 0;
  const auto diff = [&] { return static_cast<signed char>(*s1) - static_cast<signed char>(*s2); };
  const char* n1 = s1;
  while (n1 > begin && isDigit(n1[-1])) --n1;
  const char* n2 = s2 - (s1 - n1);
  if (n1 == s1 && (!isDigit(*s1) || !isDigit(*s2))) return diff();
  const char* z1 = n1;
  const char* z2 = n2;
  while (*z1 == '0') ++z1;
  while (*z2 == '0') ++z2;
  // A final zero of a run is not a leading zero.
  if (z1 > n1 && !isDigit(*z1)) --z1;
  if (z2 > n2 && !isDigit(*z2)) --z2;
  if (z1 - n1 != z2 - n2) return static_cast<int>((z2 - n2) - (z1 - n1));
  if (z1 > n1) return diff();
  const char* e1 = z1;
  const char* e2 = z2;
  while (isDigit(*e1)) ++e1;
  while (isDigit(*e2)) ++e2;
  if (e1 - n1 != e2 - n2) return static_cast<int>((e1 - n1) - (e2 - n2));
  return diff();
}

// versioncmp (the natural_cmp difference) and versionLT/LE/GT/GE/EQ. HTCondor tells the
// predicates apart by their exact spelling: any other case of them is an error.
bool compareVersion(std::string_view name, const Args& args, EvalState& state, Value& result) {
  Value v[2];
  if (auto done = evalCallArgs(args, 2, 2, state, v, result)) return *done;
  if (undefinedArg(v, result)) return true;
  Value a, b;
  if (!convertToString(v[0], a) || !convertToString(v[1], b)) return errorResult(result);
  const int r = naturalCompare(a.asString().c_str(), b.asString().c_str());
  if (nameIs(name, "versioncmp")) result = Value::integer(r);
  else if (name == "versionLE") result = Value::boolean(r <= 0);
  else if (name == "versionLT") result = Value::boolean(r < 0);
  else if (name == "versionGE") result = Value::boolean(r >= 0);
  else if (name == "versionGT") result = Value::boolean(r > 0);
  else if (name == "versionEQ") result = Value::boolean(r == 0);
  else result = Value::error();
  return true;
}

// version_in_range(v, min, max): min <= v <= max in natural order; undefined bounds give
// undefined, an undefined version an error.
bool versionInRange(std::string_view, const Args& args, EvalState& state, Value& result) {
  Value v[3];
  if (auto done = evalCallArgs(args, 3, 3, state, v, result)) return *done;
  if (undefinedArg({v + 1, 2}, result)) return true;
  Value s[3];
  for (int i = 0; i < 3; ++i) {
    if (!convertToString(v[i], s[i])) return errorResult(result);
  }
  const char* test = s[0].asString().c_str();
  result = Value::boolean(naturalCompare(s[1].asString().c_str(), test) <= 0 &&
                          naturalCompare(test, s[2].asString().c_str()) <= 0);
  return true;
}

bool isSpace(int c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }

// split(s [, separators]): the pieces between separator characters (default comma and white
// space), without empty ones, except that a separator repeated (not white space) yields "".
std::vector<std::string> splitArbitrary(const std::string& s, const std::string& seps) {
  std::vector<std::string> pieces;
  size_t last = 0;
  if (!seps.empty()) {
    int previous = -1;  // the last non-space separator seen
    for (size_t at = s.find_first_of(seps); at < s.size(); at = s.find_first_of(seps, last)) {
      if (at > last) pieces.push_back(s.substr(last, at - last));
      else if (!isSpace(previous) && previous == s[at]) pieces.emplace_back();
      if (!isSpace(s[at])) previous = s[at];
      last = at + 1;
    }
  }
  if (s.size() > last) pieces.push_back(s.substr(last));
  return pieces;
}

bool split(std::string_view, const Args& args, EvalState& state, Value& result) {
  Value v[2];
  if (auto done = evalCallArgs(args, 1, 2, state, v, result)) return *done;
  const size_t n = args.size();
  if (!v[0].isString() || (n == 2 && !v[1].isString())) return errorResult(result);
  result = stringListValue(splitArbitrary(v[0].asString(), n == 2 ? v[1].asString() : ", \t"));
  return true;
}

// splitUserName("user@domain"), splitSlotName("slot@machine"): always two strings; without
// an @ the whole text is the user (the machine).
bool splitAt(std::string_view name, const Args& args, EvalState& state, Value& result) {
  Value v;
  if (auto done = evalSoleArg(args, state, v, result)) return *done;
  if (!v.isString()) return errorResult(result);
  const std::string& s = v.asString();
  const size_t at = s.find('@');
  if (at != std::string::npos) result = stringListValue({s.substr(0, at), s.substr(at + 1)});
  else if (nameIs(name, "splitslotname")) result = stringListValue({"", s});
  else result = stringListValue({s, ""});
  return true;
}

}  // namespace

void registerStringFunctions(Registry& r) {
  r.emplace("strcat", strCat);
  r.emplace("join", strCat);
  r.emplace("toUpper", changeCase);
  r.emplace("toLower", changeCase);
  r.emplace("substr", subString);
  r.emplace("strcmp", compareString);
  r.emplace("stricmp", compareString);
  r.emplace("versioncmp", compareVersion);
  r.emplace("versionLE", compareVersion);
  r.emplace("versionLT", compareVersion);
  r.emplace("versionGE", compareVersion);
  r.emplace("versionGT", compareVersion);
  r.emplace("versionEQ", compareVersion);
  r.emplace("version_in_range", versionInRange);
  r.emplace("split", split);
  r.emplace("splitUserName", splitAt);
  r.emplace("splitSlotName", splitAt);
}

}  // namespace htcondor::classad
