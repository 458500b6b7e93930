// HTCondor's string-list functions: a "string list" is one string of items separated by
// delimiter characters (stringListSize, stringListSum/Avg/Min/Max, stringListMember,
// stringListIMember, stringListSubsetMatch, stringListISubsetMatch, stringListsIntersect).
#include <cctype>
#include <cfloat>
#include <cstdlib>
#include <cstring>
#include <set>
#include <string>
#include <vector>

#include "classad/function_support.hpp"
#include "classad/x86_conversions.hpp"

namespace htcondor::classad {

namespace {

bool isCSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }

// HTCondor works on C strings: text after a NUL byte is never seen.
std::string_view cString(std::string_view s) { return s.substr(0, s.find('\0')); }

bool isDelimiter(char c, std::string_view delims) { return delims.find(c) != std::string_view::npos; }

// Evaluates every argument in order; false on the first evaluation failure.
bool evalAll(const Args& args, EvalState& state, std::vector<Value>& out) {
  out.resize(args.size());
  for (size_t i = 0; i < args.size(); ++i) {
    if (!evalArg(args, i, state, out[i])) return false;
  }
  return true;
}

bool caselessLess(const std::string& a, const std::string& b) { return CaselessLess{}(a, b); }

}  // namespace

// The items of a string list as HTCondor's StringTokenIterator yields them: runs of delimiters
// and white space separate items, items are trimmed of white space, empty items are dropped.
// Also used by stringList_regexpMember (functions_regexp.cpp).
std::vector<std::string> splitStringList(std::string_view text, std::string_view delims) {
  text = cString(text);
  delims = cString(delims);
  std::vector<std::string> items;
  size_t i = 0;
  while (true) {
    while (i < text.size() && (isDelimiter(text[i], delims) || isCSpace(text[i]))) ++i;
    const size_t start = i;
    size_t last = i;
    while (i < text.size() && !isDelimiter(text[i], delims)) {
      if (!isCSpace(text[i])) last = i;
      ++i;
    }
    if (i <= start) return items;
    items.emplace_back(text.substr(start, last - start + 1));
  }
}

namespace {

// The items as HTCondor's older split_string_list does it for stringListsIntersect: split at
// delimiters only (" ," when none are given), no trimming, empty items dropped.
std::vector<std::string> splitAtDelimiters(std::string_view text, std::string_view delims) {
  text = cString(text);
  delims = cString(delims);
  if (delims.empty()) delims = " ,";
  std::vector<std::string> items;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || isDelimiter(text[i], delims)) {
      if (i > start) items.emplace_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  return items;
}

// The list string and delimiters of stringListSize and the summaries: (list [, delims]), both
// strings. False (with `result` set) when the call is malformed.
bool listAndDelims(const Args& args, EvalState& state, Value& result, bool& failed, std::string& list,
                   std::string& delims) {
  failed = false;
  if (args.empty() || args.size() > 2) {
    result = Value::error();
    return false;
  }
  std::vector<Value> v;
  if (!evalAll(args, state, v)) {
    failed = true;
    result = Value::error();
    return false;
  }
  if (!v[0].isString() || (v.size() == 2 && !v[1].isString())) {
    result = Value::error();
    return false;
  }
  list = v[0].asString();
  delims = v.size() == 2 ? v[1].asString() : ", ";
  return true;
}

bool stringListSize(std::string_view, const Args& args, EvalState& state, Value& result) {
  std::string list, delims;
  bool failed = false;
  if (!listAndDelims(args, state, result, failed, list, delims)) return !failed;
  result = Value::integer(static_cast<int64_t>(splitStringList(list, delims).size()));
  return true;
}

// sscanf("%lf") of an item: strtod, except that glibc's scanf rejects "0x" without hex digits.
bool scanDouble(const std::string& item, double& out) {
  const char* s = item.c_str();
  char* end = nullptr;
  out = std::strtod(s, &end);
  if (end == s) return false;
  const char* p = s;
  while (isCSpace(*p)) ++p;
  if (*p == '+' || *p == '-') ++p;
  const bool hexPrefix = p[0] == '0' && (p[1] == 'x' || p[1] == 'X');
  return !(hexPrefix && end == p + 1);
}

enum class Summary { Sum, Avg, Min, Max };

// stringListSum/Avg/Min/Max: integers unless an item has a character other than sign and digits.
// Min and max start from FLT_MAX and FLT_MIN, as HTCondor's do (so max of negatives is FLT_MIN).
template <Summary S>
bool stringListSummary(std::string_view, const Args& args, EvalState& state, Value& result) {
  std::string list, delims;
  bool failed = false;
  if (!listAndDelims(args, state, result, failed, list, delims)) return !failed;
  double acc = S == Summary::Min ? FLT_MAX : S == Summary::Max ? FLT_MIN : 0.0;
  bool isReal = false;
  const std::vector<std::string> items = splitStringList(list, delims);
  for (const std::string& item : items) {
    double d = 0;
    if (!scanDouble(item, d)) {
      result = Value::error();
      return true;
    }
    if (std::strspn(item.c_str(), "+-0123456789") != item.size()) isReal = true;
    if constexpr (S == Summary::Min) acc = d < acc ? d : acc;
    else if constexpr (S == Summary::Max) acc = d > acc ? d : acc;
    else acc = d + acc;
  }
  if (items.empty()) {
    result = (S == Summary::Sum || S == Summary::Avg) ? Value::real(0.0) : Value::undefined();
    return true;
  }
  if (S == Summary::Avg) acc /= static_cast<double>(items.size());
  result = isReal ? Value::real(acc) : Value::integer(x86ToInt64(acc));
  return true;
}

// stringListMember/IMember/SubsetMatch/ISubsetMatch (item-or-list, list [, delims]): strings or
// undefined, undefined read as "" unless both are undefined.
template <bool Subset, bool Caseless>
bool stringListMembership(std::string_view, const Args& args, EvalState& state, Value& result) {
  if (args.size() < 2 || args.size() > 3) {
    result = Value::error();
    return true;
  }
  std::vector<Value> v;
  if (!evalAll(args, state, v)) {
    result = Value::error();
    return false;
  }
  for (const Value& a : v) {
    if (!a.isUndefined() && !a.isString()) {
      result = Value::error();
      return true;
    }
  }
  if (v[0].isUndefined() && v[1].isUndefined()) {
    result = Value::undefined();
    return true;
  }
  const std::string item = v[0].isString() ? v[0].asString() : "";
  const std::string list = v[1].isString() ? v[1].asString() : "";
  const std::string delims = v.size() == 3 && v[2].isString() ? v[2].asString() : ", \t\r\n";
  const auto same = [](const std::string& a, const std::string& b) {
    return Caseless ? !caselessLess(a, b) && !caselessLess(b, a) : a == b;
  };
  if constexpr (!Subset) {
    const std::string needle(cString(item));
    bool found = false;
    for (const std::string& entry : splitStringList(list, delims)) found = found || same(entry, needle);
    result = Value::boolean(found);
    return true;
  }
  if (item.empty()) {  // the empty list is a subset of any list
    result = Value::boolean(true);
    return true;
  }
  const std::vector<std::string> members = splitStringList(list, delims);
  bool all = false;  // stays false when `item` has no entries at all
  for (const std::string& entry : splitStringList(item, delims)) {
    all = false;
    for (const std::string& m : members) all = all || same(entry, m);
    if (!all) break;
  }
  result = Value::boolean(all);
  return true;
}

// stringListsIntersect(list1, list2 [, delims]). Unlike the others, an evaluation failure here
// is an error value, not a failure.
bool stringListsIntersect(std::string_view, const Args& args, EvalState& state, Value& result) {
  if (args.size() != 2 && args.size() != 3) {
    result = Value::error();
    return true;
  }
  std::vector<Value> v;
  if (!evalAll(args, state, v)) {
    result = Value::error();
    return true;
  }
  const bool hasDelims = v.size() == 3;
  if (v[0].isError() || v[1].isError() || (hasDelims && v[2].isError())) {
    result = Value::error();
  } else if (v[0].isUndefined() || v[1].isUndefined() || (hasDelims && v[2].isUndefined())) {
    result = Value::undefined();
  } else if ((hasDelims && !v[2].isString()) || !v[0].isString() || !v[1].isString()) {
    result = Value::error();
  } else {
    const std::string delims = hasDelims ? v[2].asString() : "";
    const std::vector<std::string> first = splitAtDelimiters(v[0].asString(), delims);
    const std::vector<std::string> second = splitAtDelimiters(v[1].asString(), delims);
    const std::set<std::string> members(second.begin(), second.end());
    bool any = false;
    for (const std::string& item : first) any = any || members.count(item) > 0;
    result = Value::boolean(any);
  }
  return true;
}

}  // namespace

void registerStringListFunctions(Registry& r) {
  r.emplace("stringListSize", stringListSize);
  r.emplace("stringListSum", stringListSummary<Summary::Sum>);
  r.emplace("stringListAvg", stringListSummary<Summary::Avg>);
  r.emplace("stringListMin", stringListSummary<Summary::Min>);
  r.emplace("stringListMax", stringListSummary<Summary::Max>);
  r.emplace("stringListMember", stringListMembership<false, false>);
  r.emplace("stringListIMember", stringListMembership<false, true>);
  r.emplace("stringListSubsetMatch", stringListMembership<true, false>);
  r.emplace("stringListISubsetMatch", stringListMembership<true, true>);
  r.emplace("stringListsIntersect", stringListsIntersect);
}

}  // namespace htcondor::classad
