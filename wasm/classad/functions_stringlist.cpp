// HTCondor's string-list functions: a "string list" is one string of items separated by
// delimiter characters (stringListSize, stringListSum/Avg/Min/Max, stringListMember,
// stringListIMember, stringListSubsetMatch, stringListISubsetMatch, stringListsIntersect).
#include <cctype>
#include <cfloat>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "classad/function_support.hpp"
#include "classad/x86_conversions.hpp"

namespace htcondor::classad {

namespace {

bool isCSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }

bool isDelimiter(char c, std::string_view delims) { return delims.find(c) != std::string_view::npos; }

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
// strings. nullopt when they are read, else what the function returns.
std::optional<bool> listAndDelims(const Args& args, EvalState& state, Value& result, std::string& list,
                                  std::string& delims) {
  Value v[2];
  if (auto done = evalCallArgs(args, 1, 2, state, v, result)) return done;
  if (!v[0].isString() || (args.size() == 2 && !v[1].isString())) return errorResult(result);
  list = v[0].asString();
  delims = args.size() == 2 ? v[1].asString() : ", ";
  return std::nullopt;
}

bool stringListSize(std::string_view, const Args& args, EvalState& state, Value& result) {
  std::string list, delims;
  if (auto done = listAndDelims(args, state, result, list, delims)) return *done;
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
  if (auto done = listAndDelims(args, state, result, list, delims)) return *done;
  double acc = S == Summary::Min ? FLT_MAX : S == Summary::Max ? FLT_MIN : 0.0;
  bool isReal = false;
  const std::vector<std::string> items = splitStringList(list, delims);
  for (const std::string& item : items) {
    double d = 0;
    if (!scanDouble(item, d)) return errorResult(result);
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
  Value v[3];
  if (auto done = evalCallArgs(args, 2, 3, state, v, result)) return *done;
  for (size_t i = 0; i < args.size(); ++i) {
    if (!v[i].isUndefined() && !v[i].isString()) return errorResult(result);
  }
  if (v[0].isUndefined() && v[1].isUndefined()) return undefinedResult(result);
  const std::string item = v[0].isString() ? v[0].asString() : "";
  const std::string list = v[1].isString() ? v[1].asString() : "";
  const std::string delims = args.size() == 3 && v[2].isString() ? v[2].asString() : ", \t\r\n";
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
  if (item.empty()) return result = Value::boolean(true), true;  // the empty list is a subset of any list
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
  Value v[3];
  if (evalCallArgs(args, 2, 3, state, v, result)) return true;  // failure too: see above
  const bool hasDelims = args.size() == 3;
  if (exceptionalArgs({v, args.size()}, result)) return true;
  if ((hasDelims && !v[2].isString()) || !v[0].isString() || !v[1].isString()) return errorResult(result);
  const std::string delims = hasDelims ? v[2].asString() : "";
  const std::vector<std::string> first = splitAtDelimiters(v[0].asString(), delims);
  const std::vector<std::string> second = splitAtDelimiters(v[1].asString(), delims);
  const std::set<std::string> members(second.begin(), second.end());
  bool any = false;
  for (const std::string& item : first) any = any || members.count(item) > 0;
  result = Value::boolean(any);
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
