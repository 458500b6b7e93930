// Built-in functions: the misc family (ifThenElse, eval, unparse, unresolved, debug).
#include <strings.h>

#include <optional>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "classad/function_support.hpp"
#include "classad/parser.hpp"
#include "classad/references.hpp"
#include "classad/unparse.hpp"

namespace htcondor::classad {

namespace {

// A PCRE2 pattern compiled as HTCondor compiles unresolved()'s: caseless.
class Pattern {
 public:
  explicit Pattern(const std::string& text) {
    int error = 0;
    PCRE2_SIZE offset = 0;
    code_ = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(text.c_str()), PCRE2_ZERO_TERMINATED, PCRE2_CASELESS, &error,
                          &offset, nullptr);
  }
  ~Pattern() { pcre2_code_free(code_); }
  Pattern(const Pattern&) = delete;
  Pattern& operator=(const Pattern&) = delete;

  bool valid() const { return code_ != nullptr; }

  // Whether a non-empty match exists anywhere in `s`.
  bool search(const std::string& s) const {
    pcre2_match_data* data = pcre2_match_data_create_from_pattern(code_, nullptr);
    const int rc = pcre2_match(code_, reinterpret_cast<PCRE2_SPTR>(s.c_str()), s.size(), 0, PCRE2_NOTEMPTY, data, nullptr);
    pcre2_match_data_free(data);
    return rc > 0;
  }

 private:
  pcre2_code* code_ = nullptr;
};

// unresolved(attr [, pattern]): the attributes attr's expression refers to that are not
// found, comma separated (a TARGET. prefix dropped); with a pattern, whether one of them
// matches it. Undefined if attr names nothing.
bool hasRefs(std::string_view, const Args& args, EvalState& state, Value& result) {
  if (args.empty() || args.size() > 2 || args[0]->kind() != ExprTree::Kind::AttrRef) return errorResult(result);
  ExprPtr expr;
  if (findExpr(static_cast<const AttrRef&>(*args[0]), state, expr) != Found::Ok) return undefinedResult(result);
  std::optional<Pattern> pattern;
  if (args.size() == 2) {
    Value text;
    if (!evalArg(args, 1, state, text) || !text.isString()) return failResult(result);
    pattern.emplace(text.asString());
    if (!pattern->valid()) return errorResult(result);
  }
  std::string names;
  bool matched = false;
  References refs;
  if (expr && state.curAd && externalReferences(*expr, state, refs)) {
    for (const std::string& ref : refs) {
      const std::string name = strncasecmp(ref.c_str(), "target.", 7) == 0 ? ref.substr(7) : ref;
      if (pattern && pattern->search(name)) {
        matched = true;
        break;
      }
      if (!names.empty()) names += ",";
      names += name;
    }
  }
  result = pattern ? Value::boolean(matched) : Value::string(std::move(names));
  return true;
}

// ifThenElse(cond, then, else): evaluates only the branch chosen; numbers count as booleans.
bool ifThenElse(std::string_view, const Args& args, EvalState& state, Value& result) {
  if (args.size() != 3) return errorResult(result);
  Value cond;
  if (!evalArg(args, 0, state, cond)) return failResult(result);
  if (cond.isUndefined()) return undefinedResult(result);
  bool truth = false;
  if (!booleanEquivalent(cond, truth)) return errorResult(result);
  if (!evalArg(args, truth ? 1 : 2, state, result)) return failResult(result);
  return true;
}

// eval(text): the argument, as a string, parsed and evaluated here (in the current ad).
bool eval(std::string_view, const Args& args, EvalState& state, Value& result) {
  Value arg;
  if (auto done = evalSoleArg(args, state, arg, result)) return *done;
  Value text;
  if (!convertToString(arg, text)) return errorResult(result);
  if (state.depthRemaining <= 0) return failResult(result);
  ExprPtr expr = parseExpression(text.asString());
  if (!expr) return errorResult(result);
  state.keepAlive.push_back(expr);  // values may point into it
  expr->setParentScope(state.curAd);
  --state.depthRemaining;
  const bool ok = evaluate(*expr, state, result);
  ++state.depthRemaining;
  if (!ok) return failResult(result);
  return true;
}

// unparse(attr): the text of the expression the attribute (of the current ad) is bound to,
// "" if it has none.
bool unparseAttr(std::string_view, const Args& args, EvalState& state, Value& result) {
  if (args.size() != 1 || args[0]->kind() != ExprTree::Kind::AttrRef) return errorResult(result);
  const std::string name = unparse(*args[0], Style::Pretty);
  const ExprPtr tree = state.curAd ? state.curAd->lookup(name) : nullptr;
  result = Value::string(tree ? unparse(*tree, Style::Pretty) : std::string());
  return true;
}

// debug(expr): the value of expr (HTCondor also logs it).
bool debug(std::string_view, const Args& args, EvalState& state, Value& result) {
  Value v;
  if (auto done = evalSoleArg(args, state, v, result)) return *done;
  result = v;
  return true;
}

}  // namespace

void registerMiscFunctions(Registry& r) {
  r.emplace("ifThenElse", ifThenElse);
  r.emplace("eval", eval);
  r.emplace("unparse", unparseAttr);
  r.emplace("unresolved", hasRefs);
  r.emplace("debug", debug);
}

}  // namespace htcondor::classad
