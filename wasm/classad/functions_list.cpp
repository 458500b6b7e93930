// Built-in functions: the list family (size, member, identicalMember, anyCompare, allCompare,
// sum, avg, min, max) and the htcondor module's evalInEachContext and countMatches.
#include <cstring>
#include <memory>
#include <optional>

#include "classad/function_support.hpp"
#include "classad/operators.hpp"

namespace htcondor::classad {

namespace {

// The single argument of sum/avg/min/max: a list, or undefined/error in `result`. Returns
// false on an evaluation failure; `list` is not a list when `result` is set.
bool listArg(const Args& args, EvalState& state, Value& list, Value& result) {
  if (auto done = evalSoleArg(args, state, list, result)) return *done;
  if (list.isUndefined()) result = Value::undefined();
  else if (!list.isList()) result = Value::error();
  return true;
}

bool isNumeric(const Value& v) { return v.isInteger() || v.isReal() || v.isBoolean(); }

// HTCondor's operators promote numeric operands in place (booleans to integers, integers to
// reals beside a real), and its list functions keep the promoted values; so do these.
Value operate(Op op, Value& a, Value& b) {
  if (op != Op::MetaEqual && op != Op::MetaNotEqual && isNumeric(a) && isNumeric(b)) {
    if (a.isBoolean()) a = Value::integer(a.asBoolean() ? 1 : 0);
    if (b.isBoolean()) b = Value::integer(b.asBoolean() ? 1 : 0);
    if (a.isInteger() && b.isReal()) a = Value::real(static_cast<double>(a.asInteger()));
    if (a.isReal() && b.isInteger()) b = Value::real(static_cast<double>(b.asInteger()));
  }
  return applyOperator(op, a, &b);
}

bool isTrue(const Value& v) { return v.isBoolean() && v.asBoolean(); }

// member(x, list) with ==, identicalMember(x, list) with =?=.
bool testMember(std::string_view name, const Args& args, EvalState& state, Value& result) {
  Value v[2];
  if (auto done = evalCallArgs(args, 2, 2, state, v, result)) return *done;
  Value& needle = v[0];
  const bool identical = nameIs(name, "identicalmember");
  if (v[1].isUndefined() || (!identical && needle.isUndefined())) return undefinedResult(result);
  if (!v[1].isList() || needle.isList() || needle.isClassAd()) return errorResult(result);
  if (!identical && needle.isError()) return errorResult(result);
  for (const ExprPtr& item : v[1].asList()->items()) {
    Value element;
    if (!evaluate(*item, state, element)) return failResult(result);
    if (isTrue(operate(identical ? Op::MetaEqual : Op::Equal, element, needle))) {
      result = Value::boolean(true);
      return true;
    }
  }
  result = Value::boolean(false);
  return true;
}

// size of a list, an ad (attributes) or a string (bytes).
bool size(std::string_view, const Args& args, EvalState& state, Value& result) {
  Value v;
  if (auto done = evalSoleArg(args, state, v, result)) return *done;
  if (v.isUndefined()) result = Value::undefined();
  else if (v.isList()) result = Value::integer(static_cast<int64_t>(v.asList()->size()));
  else if (v.isClassAd()) result = Value::integer(static_cast<int64_t>(v.asClassAd()->size()));
  else if (v.isString()) result = Value::integer(static_cast<int32_t>(v.asString().size()));
  else result = Value::error();
  return true;
}

// Walks the numbers (booleans count) in the list argument of sum/avg/min/max, skipping
// undefined, calling `step(number, isFirst)`. nullopt when done, else what the function returns
// (with `result` set: undefined or error for a bad argument or item).
template <typename Step>
std::optional<bool> forEachNumber(const Args& args, EvalState& state, Value& result, Step step) {
  Value list;
  if (!listArg(args, state, list, result)) return false;
  if (!list.isList()) return true;
  bool first = true;
  for (const ExprPtr& item : list.asList()->items()) {
    Value element;
    if (!evaluate(*item, state, element)) return failResult(result);
    if (element.isUndefined()) continue;
    if (!isNumeric(element)) return errorResult(result);
    step(element, first);
    first = false;
  }
  return std::nullopt;
}

// sum and avg of the numbers in a list. As in HTCondor, avg of no numbers is the empty sum, 0.
bool sumAvg(std::string_view name, const Args& args, EvalState& state, Value& result) {
  Value total = Value::integer(0);
  int count = 0;
  const auto add = [&](Value& element, bool first) {
    ++count;
    total = first ? element : operate(Op::Add, total, element);
  };
  if (auto done = forEachNumber(args, state, result, add)) return *done;
  if (!nameIs(name, "sum") && count > 0) {
    Value n = Value::real(count);
    total = operate(Op::Divide, total, n);
  }
  result = total;
  return true;
}

// min and max of the numbers in a list; undefined if there are none.
bool minMax(std::string_view name, const Args& args, EvalState& state, Value& result) {
  const Op op = nameIs(name, "min") ? Op::LessThan : Op::GreaterThan;
  Value bound;
  const auto keep = [&](Value& element, bool first) {
    if (first || isTrue(operate(op, element, bound))) bound = element;
  };
  if (auto done = forEachNumber(args, state, result, keep)) return *done;
  result = bound;
  return true;
}

// The operator named by anyCompare/allCompare's first argument (exact spelling), if any.
bool comparisonNamed(const std::string& text, Op& op) {
  static const struct {
    const char* text;
    Op op;
  } ops[] = {{"<", Op::LessThan},     {"<=", Op::LessOrEqual},     {"!=", Op::NotEqual}, {"==", Op::Equal},
             {">", Op::GreaterThan},  {">=", Op::GreaterOrEqual},  {"is", Op::MetaEqual}, {"isnt", Op::MetaNotEqual}};
  for (const auto& o : ops) {
    if (text == o.text) {
      op = o.op;
      return true;
    }
  }
  return false;
}

// anyCompare(op, list, x), allCompare(op, list, x): whether `item op x` holds for some (every)
// item. An undefined comparison ends the walk: false for both; any other non-boolean is an error.
bool listCompare(std::string_view name, const Args& args, EvalState& state, Value& result) {
  if (args.size() != 3) return errorResult(result);
  Value opText;
  if (!evalArg(args, 0, state, opText)) return failResult(result);
  if (opText.isUndefined()) return undefinedResult(result);
  Op op;
  if (!opText.isString() || !comparisonNamed(opText.asString(), op)) return errorResult(result);
  Value list;
  if (!evalArg(args, 1, state, list)) return failResult(result);
  if (list.isUndefined()) return undefinedResult(result);
  if (!list.isList()) return errorResult(result);
  Value against;
  if (!evalArg(args, 2, state, against)) return failResult(result);
  const bool all = !nameIs(name, "anycompare");
  for (const ExprPtr& item : list.asList()->items()) {
    Value element;
    if (!evaluate(*item, state, element)) return failResult(result);
    const Value cmp = operate(op, element, against);
    if (!cmp.isBoolean()) {
      result = cmp.isUndefined() ? Value::boolean(false) : Value::error();
      return true;
    }
    if (cmp.asBoolean() != all) {
      result = Value::boolean(!all);
      return true;
    }
  }
  result = Value::boolean(all);
  return true;
}

// A value as an expression in a list evalInEachContext builds: lists and ads are copies (held
// by a literal, which marks them as copied), other values literals as HTCondor's MakeLiteral
// makes them: a relative time becomes a literal that evaluates to its whole seconds as a real.
ExprPtr asElement(const Value& v) {
  if (v.isRelTime()) return std::make_shared<Literal>(Value::real(static_cast<double>(relTimeWholeSeconds(v.asRelTime()))));
  return std::make_shared<Literal>(v);
}

// `expr` evaluated with the ad `element` evaluates to as its scope (a fresh evaluation).
Value evaluateInContext(const ExprTree& expr, EvalState& state, const ExprTree& element) {
  Value ad;
  if (!evaluate(element, state, ad)) return Value::error();
  if (!ad.isClassAd()) return ad.isUndefined() ? Value::undefined() : Value::error();
  // In a matchmaking pairing, an ad sitting directly in one of the paired ads looks up what
  // it lacks in the other one, as HTCondor sets its alternate scope for the evaluation.
  const ClassAd& nested = *ad.asClassAd();
  const ClassAd* savedTarget = nested.target();
  if (nested.parentScope() && nested.parentScope()->target()) nested.setTarget(nested.parentScope()->target());
  EvalState inner;
  inner.setScopes(&nested);
  Value v;
  if (!evaluate(expr, inner, v)) v = Value::error();
  nested.setTarget(savedTarget);
  return v;
}

// evalInEachContext(expr, ads): the list of expr evaluated in each ad; countMatches(expr, ads):
// how many of those are true. An attribute reference as expr is first looked up here, so
// the expression it names is what is evaluated in each ad.
bool evalInEachContext(std::string_view name, const Args& args, EvalState& state, Value& result) {
  const bool each = nameIs(name, "evalineachcontext");
  if (args.size() != 2) return errorResult(result);
  ExprPtr expr = args[0];
  if (expr->kind() == ExprTree::Kind::AttrRef) {
    ExprPtr found;
    if (findExpr(static_cast<const AttrRef&>(*expr), state, found) == Found::Ok) expr = found;
  }
  ExprPtr ads = args[1];
  Value listValue;
  if (ads->kind() != ExprTree::Kind::List) {
    if (!evaluate(*ads, state, listValue)) listValue = Value::error();
    if (listValue.isUndefined()) {
      result = each ? Value::undefined() : Value::integer(0);
      return true;
    }
    if (!listValue.isList()) return errorResult(result);
    ads = listValue.asList();
  }
  const auto& items = static_cast<const ExprList&>(*ads).items();
  if (!each) {
    int64_t matches = 0;
    bool truth = false;
    for (const ExprPtr& item : items) {
      if (booleanEquivalent(evaluateInContext(*expr, state, *item), truth) && truth) ++matches;
    }
    result = Value::integer(matches);
    return true;
  }
  std::vector<ExprPtr> values;
  values.reserve(items.size());
  for (const ExprPtr& item : items) values.push_back(asElement(evaluateInContext(*expr, state, *item)));
  result = Value::list(std::make_shared<ExprList>(std::move(values)));
  return true;
}

}  // namespace

void registerListFunctions(Registry& r) {
  r.emplace("member", testMember);
  r.emplace("identicalMember", testMember);
  r.emplace("size", size);
  r.emplace("sum", sumAvg);
  r.emplace("avg", sumAvg);
  r.emplace("min", minMax);
  r.emplace("max", minMax);
  r.emplace("anyCompare", listCompare);
  r.emplace("allCompare", listCompare);
  r.emplace("evalInEachContext", evalInEachContext);
  r.emplace("countMatches", evalInEachContext);
}

}  // namespace htcondor::classad
