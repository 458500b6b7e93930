// Regular-expression functions: regexp, regexpMember, regexps, replace, replaceAll and
// HTCondor's stringList_regexpMember. Patterns are PCRE2 (HTCondor's engine), matched on bytes.
// Option letters: i (caseless), m (multiline), s (dotall), x (extended); for the substituting
// functions also f (return the whole target with the replacement in place) and g (every match).
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <cstring>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "classad/function_support.hpp"

namespace htcondor::classad {

namespace {

struct CodeDeleter {
  void operator()(pcre2_code* c) const { pcre2_code_free(c); }
};
struct MatchDataDeleter {
  void operator()(pcre2_match_data* m) const { pcre2_match_data_free(m); }
};
using Code = std::unique_ptr<pcre2_code, CodeDeleter>;
using MatchData = std::unique_ptr<pcre2_match_data, MatchDataDeleter>;

// Patterns and subjects are C strings in HTCondor: a NUL byte ends them.
Code compile(const std::string& pattern, uint32_t options) {
  int code = 0;
  PCRE2_SIZE offset = 0;
  const std::string p(cString(pattern));
  return Code(pcre2_compile(reinterpret_cast<PCRE2_SPTR>(p.c_str()), p.size(), options, &code, &offset, nullptr));
}

struct Options {
  uint32_t compile = 0;
  bool fullTarget = false;  // f
  bool global = false;      // g
};

// The option letters as HTCondor's regexp functions read them: lower case only, others ignored.
Options parseOptions(const std::string& letters, bool substituting) {
  Options o;
  const auto has = [&](char c) { return letters.find(c) != std::string::npos; };
  if (has('i')) o.compile |= PCRE2_CASELESS;
  if (has('m')) o.compile |= PCRE2_MULTILINE;
  if (has('s')) o.compile |= PCRE2_DOTALL;
  if (has('x')) o.compile |= PCRE2_EXTENDED;
  o.fullTarget = substituting && has('f');
  o.global = substituting && has('g');
  return o;
}

// Appends `replacement` for one match: \0..\9 are the groups (a group past the highest one
// matched is an error), any other backslash is literal. False on error.
bool appendReplacement(const std::string& replacement, const std::string& target, const PCRE2_SIZE* ovector,
                       int groups, std::string& out) {
  for (size_t i = 0; i < replacement.size(); ++i) {
    const char c = replacement[i];
    if (c != '\\' || i + 1 >= replacement.size() || !std::isdigit(static_cast<unsigned char>(replacement[i + 1]))) {
      out += c;
      continue;
    }
    const int g = replacement[++i] - '0';
    if (g >= groups) return false;
    if (ovector[2 * g] != PCRE2_UNSET) out.append(target, ovector[2 * g], ovector[2 * g + 1] - ovector[2 * g]);
  }
  return true;
}

// HTCondor's regexp helper: with no replacement, whether `pattern` matches `target`; with one,
// the substituted text. Errors (bad pattern, bad group, match failure) give an error value. The
// global loop is HTCondor's, including its handling of an empty match at the end of the target,
// which runs past the end and so gives an error.
Value regexpHelper(const std::string& pattern, const std::string& targetIn, const std::string* replacementIn,
                   const Options& opt) {
  const Code re = compile(pattern, opt.compile);
  if (!re) return Value::error();
  const std::string target(cString(targetIn));
  const std::string replacement(replacementIn ? cString(*replacementIn) : std::string_view());
  const auto subject = reinterpret_cast<PCRE2_SPTR>(target.c_str());
  std::string out;
  size_t at = 0;
  bool emptyMatch = false;
  int status = 0;
  do {
    const MatchData md(pcre2_match_data_create_from_pattern(re.get(), nullptr));
    const uint32_t flags = emptyMatch ? PCRE2_NOTEMPTY_ATSTART | PCRE2_ANCHORED : 0;
    status = pcre2_match(re.get(), subject, target.size(), at, flags, md.get(), nullptr);
    const PCRE2_SIZE* ov = pcre2_get_ovector_pointer(md.get());
    if (emptyMatch && status == PCRE2_ERROR_NOMATCH) {
      out += at < target.size() ? target[at] : '\0';  // past the end the next match fails
      ++at;
      emptyMatch = false;
      status = 0;
      continue;
    }
    if (status >= 0 && replacementIn) {
      if (opt.fullTarget) out.append(target, at, ov[0] - at);
      if (!appendReplacement(replacement, target, ov, status, out)) return Value::error();
      at = ov[1];
      emptyMatch = ov[0] == ov[1];
    }
  } while (status >= 0 && opt.global);
  if (status < 0 && status != PCRE2_ERROR_NOMATCH) return Value::error();
  if (!replacementIn) return Value::boolean(status >= 0);
  if (opt.fullTarget) out.append(target, at < target.size() ? at : target.size());
  return Value::string(out);
}

// HTCondor's checks for regexp, regexpMember and regexps/replace/replaceAll, whose last
// argument may be the options: the exceptional arguments, else error if the options are not a
// string or an argument in `strings` is not one. True (with `result` set) when one applies.
bool unusableArgs(std::span<const Value> v, bool hasOptions, std::span<const Value> strings, Value& result) {
  if (exceptionalArgs(v, result)) return true;
  if (hasOptions && !v.back().isString()) return errorResult(result);
  for (const Value& a : strings) {
    if (!a.isString()) return errorResult(result);
  }
  return false;
}

// regexp(pattern, target [, options])
bool regexp(std::string_view, const Args& args, EvalState& state, Value& result) {
  Value v[3];
  if (auto done = evalCallArgs(args, 2, 3, state, v, result)) return *done;
  const size_t n = args.size();
  if (unusableArgs({v, n}, n == 3, {v, 2}, result)) return true;
  const Options opt = parseOptions(n == 3 ? v[2].asString() : "", false);
  result = regexpHelper(v[0].asString(), v[1].asString(), nullptr, opt);
  return true;
}

// regexps / replace / replaceAll (pattern, target, replacement [, options]): replace adds the
// option f, replaceAll f and g.
bool substitute(std::string_view name, const Args& args, EvalState& state, Value& result) {
  Value v[4];
  if (auto done = evalCallArgs(args, 3, 4, state, v, result)) return *done;
  const size_t n = args.size();
  if (unusableArgs({v, n}, n == 4, {v, 3}, result)) return true;
  std::string letters = n == 4 ? v[3].asString() : "";
  if (nameIs(name, "replace")) letters += 'f';
  if (nameIs(name, "replaceAll")) letters += "fg";
  result = regexpHelper(v[0].asString(), v[1].asString(), &v[2].asString(), parseOptions(letters, true));
  return true;
}

// regexpMember(pattern, list [, options]): whether any string in the list matches; undefined
// items make a non-match undefined, other non-strings an error.
bool regexpMember(std::string_view, const Args& args, EvalState& state, Value& result) {
  Value v[3];
  if (auto done = evalCallArgs(args, 2, 3, state, v, result)) return *done;
  if (unusableArgs({v, args.size()}, args.size() == 3, {v, 1}, result)) return true;
  if (!v[1].isList()) return errorResult(result);
  const Options opt = parseOptions(args.size() == 3 ? v[2].asString() : "", false);
  bool maybeUndefined = false;
  for (const ExprPtr& item : v[1].asList()->items()) {
    Value target;
    if (!evaluate(*item, state, target)) return errorResult(result);
    if (target.isUndefined()) {
      maybeUndefined = true;
      continue;
    }
    if (!target.isString()) return errorResult(result);
    const Value matched = regexpHelper(v[0].asString(), target.asString(), nullptr, opt);
    if (matched.isBoolean() && matched.asBoolean()) {
      result = Value::boolean(true);
      return true;
    }
  }
  result = maybeUndefined ? Value::undefined() : Value::boolean(false);
  return true;
}

// stringList_regexpMember(pattern, list [, delims [, options]]): whether any item of the string
// list matches; undefined for an empty list. Option letters here may be of either case.
bool stringListRegexpMember(std::string_view, const Args& args, EvalState& state, Value& result) {
  Value v[4];
  if (auto done = evalCallArgs(args, 2, 4, state, v, result)) return *done;
  for (size_t i = 0; i < args.size(); ++i) {
    if (!v[i].isString()) return errorResult(result);
  }
  std::string letters = args.size() == 4 ? v[3].asString() : "";
  for (char& c : letters) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const Code re = compile(v[0].asString(), parseOptions(letters, false).compile);
  if (!re) return errorResult(result);
  const std::vector<std::string> items = splitStringList(v[1].asString(), args.size() >= 3 ? v[2].asString() : ", ");
  bool any = false;
  for (const std::string& item : items) {
    const MatchData md(pcre2_match_data_create_from_pattern(re.get(), nullptr));
    any = any || pcre2_match(re.get(), reinterpret_cast<PCRE2_SPTR>(item.c_str()), item.size(), 0, 0, md.get(),
                             nullptr) > 0;
  }
  result = items.empty() ? Value::undefined() : Value::boolean(any);
  return true;
}

}  // namespace

void registerRegexpFunctions(Registry& r) {
  r.emplace("regexp", regexp);
  r.emplace("regexpMember", regexpMember);
  r.emplace("regexps", substitute);
  r.emplace("replace", substitute);
  r.emplace("replaceAll", substitute);
  r.emplace("stringList_regexpMember", stringListRegexpMember);
}

}  // namespace htcondor::classad
