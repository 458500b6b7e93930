#include "classad/eval.hpp"

#include <strings.h>

#include <map>

#include "classad/functions.hpp"
#include "classad/host_functions.hpp"
#include "classad/operators.hpp"
#include "classad/parser.hpp"

namespace htcondor::classad {

namespace {

bool is(std::string_view a, const char* b) { return strcasecmp(std::string(a).c_str(), b) == 0; }

}  // namespace

// HTCondor's LookupInScope: the ad and its enclosing ads, innermost first; the special names
// root/toplevel, self/my, parent (and, for the matchmaking pairing, target).
Found lookupInScope(const ClassAd* start, std::string_view name, ExprPtr& tree, EvalState& state) {
  const ClassAd* current = start;
  while (current) {
    state.curAd = current;
    if ((tree = current->lookup(name))) return Found::Ok;
    const ClassAd* super = state.rootAd == current ? nullptr : current->parentScope();
    if (is(name, "toplevel") || is(name, "root")) {
      if (!state.rootAd) return Found::Fail;
      tree = state.rootAd->shared_from_this();
      return Found::Ok;
    }
    if (is(name, "self") || is(name, "my")) {
      tree = state.curAd->shared_from_this();
      return Found::Ok;
    }
    if (is(name, "parent")) {
      if (!super) return Found::Undefined;
      tree = super->shared_from_this();
      return Found::Ok;
    }
    if (is(name, "target") && current->target()) {
      tree = current->target()->shared_from_this();
      return Found::Ok;
    }
    current = super;
    if (current == start) return Found::Undefined;
  }
  return Found::Undefined;
}

Found findExpr(const AttrRef& ref, EvalState& state, ExprPtr& tree) {
  const ClassAd* current = nullptr;
  if (!ref.scope()) {
    current = ref.absolute() ? state.rootAd : state.curAd;
    if (ref.absolute() && !current) return Found::Fail;
  } else {
    Value v;
    if (!evaluate(*ref.scope(), state, v)) return Found::Fail;
    if (v.isUndefined()) return Found::Undefined;
    if (v.isError()) return Found::Error;
    if (v.isList()) {
      // Selection over a list: the attribute of each element, as a new list of values.
      std::vector<ExprPtr> items;
      for (const ExprPtr& element : v.asList()->items()) {
        auto selected = std::make_shared<AttrRef>(element, ref.name(), false);
        selected->setParentScope(element->parentScope());
        EvalState inner;
        inner.depthRemaining = state.depthRemaining;
        inner.setScopes(state.curAd);
        Value item;
        if (!evaluate(*selected, inner, item)) return Found::Fail;
        if (item.isClassAd()) items.push_back(item.asClassAd());
        else if (item.isList()) items.push_back(item.asList());
        else items.push_back(std::make_shared<Literal>(std::move(item)));
      }
      tree = std::make_shared<ExprList>(std::move(items));
      state.keepAlive.push_back(tree);
      return Found::Ok;
    }
    if (!v.isClassAd()) return Found::Error;
    state.keepAlive.push_back(v.asClassAd());
    current = v.asClassAd().get();
  }
  if (!current) return Found::Undefined;
  Found found = lookupInScope(current, ref.name(), tree, state);
  // Old ClassAd semantics: an unscoped name not found here is looked up in the target ad.
  if (!ref.scope() && !ref.absolute() && found == Found::Undefined && current->target()) {
    found = lookupInScope(current->target(), ref.name(), tree, state);
  }
  return found;
}

namespace {

bool evaluateAttrRef(const AttrRef& ref, EvalState& state, Value& out) {
  const ClassAd* saved = state.curAd;
  ExprPtr tree;
  switch (findExpr(ref, state, tree)) {
    case Found::Fail: return false;
    case Found::Error: out = Value::error(); state.curAd = saved; return true;
    case Found::Undefined: out = Value::undefined(); state.curAd = saved; return true;
    case Found::Ok: break;
  }
  if (state.depthRemaining <= 0) {
    out = Value::error();
    state.curAd = saved;
    return false;
  }
  --state.depthRemaining;
  const bool ok = evaluate(*tree, state, out);
  ++state.depthRemaining;
  state.curAd = saved;
  return ok;
}

}  // namespace

bool subscriptValues(const Value& base, const Value& index, EvalState& state, Value& out) {
  if (base.isError() || index.isError()) return out = Value::error(), true;
  if (base.isUndefined() || index.isUndefined()) return out = Value::undefined(), true;
  if (base.isClassAd() && index.isString()) {
    const ClassAd& ad = *base.asClassAd();
    if (!ad.lookup(index.asString())) {
      out = Value::undefined();
      return true;
    }
    auto v = evaluateAttr(ad, index.asString());
    out = v ? *v : Value::error();
    return true;
  }
  if (base.isList() && index.isInteger()) {
    const ExprList& list = *base.asList();
    const int64_t i = index.asInteger();
    // HTCondor reads the index into an int.
    const int32_t at = static_cast<int32_t>(static_cast<uint64_t>(i));
    if (at < 0 || static_cast<size_t>(at) >= list.size()) {
      out = Value::error();
      return true;
    }
    EvalState inner;
    inner.depthRemaining = state.depthRemaining;
    inner.setScopes(list.parentScope());
    if (!evaluate(*list.items()[static_cast<size_t>(at)], inner, out)) out = Value::error();
    return true;
  }
  out = Value::error();
  return true;
}

namespace {

bool evaluateOperation(const Operation& o, EvalState& state, Value& out) {
  const Op op = o.op();
  Value a, b, c;
  if (!evaluate(*o.arg(0), state, a)) {
    out = Value::error();
    return false;
  }
  bool truth = false;
  const bool isBool = booleanEquivalent(a, truth);
  // Short circuits, before the other operands are evaluated.
  if (op == Op::LogicalOr && isBool && truth) return out = Value::boolean(true), true;
  if (op == Op::LogicalAnd && isBool && !truth) return out = Value::boolean(false), true;
  if (op == Op::Ternary && isBool) {
    if (truth && o.arg(1)) return evaluate(*o.arg(1), state, out);
    if (!truth && o.arg(1)) return evaluate(*o.arg(2), state, out);
    if (!truth) return evaluate(*o.arg(0), state, out);  // `false ?: x`: the left side again
  }
  if (o.arg(1) && !evaluate(*o.arg(1), state, b)) {
    out = Value::error();
    return false;
  }
  if (op == Op::Ternary) {
    if (o.arg(1)) {
      if (a.isUndefined()) return out = Value::undefined(), true;
      return out = Value::error(), true;  // a condition that is not a boolean
    }
    if (!evaluate(*o.arg(2), state, c)) {
      out = Value::error();
      return false;
    }
    out = a.isUndefined() ? c : a;
    return true;
  }
  if (op == Op::Subscript) return subscriptValues(a, b, state, out);
  out = applyOperator(op, a, o.arg(1) ? &b : nullptr);
  return true;
}

bool evaluateCall(const FunctionCall& call, EvalState& state, Value& out) {
  Builtin fn = resolveFunction(call.name());
  if (!fn) {
    out = Value::error();
    return true;
  }
  return fn(call.name(), call.args(), state, out);
}

}  // namespace

void EvalState::setScopes(const ClassAd* ad) {
  curAd = ad;
  rootAd = ad;
  while (rootAd && rootAd->parentScope() && rootAd->parentScope() != ad) rootAd = rootAd->parentScope();
}

std::optional<int64_t> evaluateInteger(const ClassAd& ad, std::string_view name) {
  auto v = evaluateAttr(ad, name);
  if (!v || !v->isInteger()) return std::nullopt;
  return v->asInteger();
}

bool booleanEquivalent(const Value& v, bool& out) {
  if (v.isBoolean()) out = v.asBoolean();
  else if (v.isInteger()) out = v.asInteger() != 0;
  else if (v.isReal()) out = v.asReal() != 0.0;
  else return false;
  return true;
}

bool evaluate(const ExprTree& expr, EvalState& state, Value& out) {
  switch (expr.kind()) {
    case ExprTree::Kind::Literal: out = static_cast<const Literal&>(expr).evaluated(); return true;
    case ExprTree::Kind::AttrRef: return evaluateAttrRef(static_cast<const AttrRef&>(expr), state, out);
    case ExprTree::Kind::Operation: return evaluateOperation(static_cast<const Operation&>(expr), state, out);
    case ExprTree::Kind::FunctionCall: return evaluateCall(static_cast<const FunctionCall&>(expr), state, out);
    case ExprTree::Kind::List:
      out = Value::list(static_cast<const ExprList&>(expr).shared_from_this());
      return true;
    case ExprTree::Kind::ClassAd:
      out = Value::classAd(static_cast<const ClassAd&>(expr).shared_from_this());
      return true;
  }
  return false;
}

namespace {

// The match ad's and context ads' expressions, parsed once: every pairing makes new ads that
// share these trees (an ad is the scope of its attributes only while its pairing lives, and
// pairings do not overlap on one thread).
std::shared_ptr<ClassAd> fromTemplate(const char* text) {
  static std::map<const char*, std::shared_ptr<ClassAd>> parsed;
  auto& proto = parsed[text];
  if (!proto) proto = Parser(text).parseClassAd(true);
  auto ad = std::make_shared<ClassAd>();
  for (const auto& [name, expr] : proto->attributes()) ad->insert(name, expr);
  return ad;
}

constexpr const char* kMatchAd =
    "[symmetricMatch = RIGHT.requirements && LEFT.requirements; leftMatchesRight = RIGHT.requirements; "
    "rightMatchesLeft = LEFT.requirements; leftRankValue = LEFT.rank; rightRankValue = RIGHT.rank]";
constexpr const char* kLeftContext = "[other = .RIGHT; target = .RIGHT; my = .LEFT; ad = .LEFT]";
constexpr const char* kRightContext = "[other = .LEFT; target = .LEFT; my = .RIGHT; ad = .RIGHT]";

}  // namespace

Pairing::Pairing(const ClassAd* a, const ClassAd* b) : a_(a), b_(b) {
  if (a_) a_->setTarget(b_);
  if (b_) b_->setTarget(a_);
  if (!a_ || !b_ || a_ == b_) return;  // HTCondor evaluates such a pair without a match ad
  aParent_ = a_->parentScope();
  bParent_ = b_->parentScope();
  match_ = fromTemplate(kMatchAd);
  enter(a_, "LEFT", kLeftContext);
  enter(b_, "RIGHT", kRightContext);
}

// Puts `ad` in the match ad as `side`, its parent being a new context ad named after the side.
void Pairing::enter(const ClassAd* ad, const char* side, const char* context) {
  std::shared_ptr<ClassAd> ctx = fromTemplate(context);
  match_->insert(side[0] == 'L' ? "lCtx" : "rCtx", ctx);
  // An ad not held by a shared pointer cannot be an attribute; .LEFT/.RIGHT are then undefined.
  if (auto held = ad->weak_from_this().lock()) match_->insert(side, held);
  ad->setParentScope(ctx.get());
}

Pairing::~Pairing() {
  if (a_) a_->setTarget(nullptr);
  if (b_) b_->setTarget(nullptr);
  if (!match_) return;
  a_->setParentScope(aParent_);
  b_->setParentScope(bParent_);
}

std::optional<Value> evaluateIn(const ExprTree& expr, const ClassAd* scope) {
  expr.setParentScope(scope);
  EvalState state;
  state.setScopes(scope);
  Value v;
  if (!evaluate(expr, state, v)) return std::nullopt;
  return v;
}

std::optional<Value> evaluateAttr(const ClassAd& ad, std::string_view name) {
  ExprPtr tree = ad.lookup(name);
  if (!tree) return Value::undefined();
  EvalState state;
  state.setScopes(&ad);
  Value v;
  if (!evaluate(*tree, state, v)) return std::nullopt;
  return v;
}

}  // namespace htcondor::classad
