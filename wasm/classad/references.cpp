#include "classad/references.hpp"

#include "classad/unparse.hpp"

namespace htcondor::classad {

namespace {

// Walks `expr` spending a level of the recursion budget, as HTCondor does for the parts of
// calls, lists and ads.
template <typename Walk>
bool counted(EvalState& state, Walk walk) {
  if (state.depthRemaining <= 0) return false;
  --state.depthRemaining;
  const bool ok = walk();
  ++state.depthRemaining;
  return ok;
}

bool attrRefExternal(const AttrRef& ref, EvalState& state, References& refs) {
  const ClassAd* start = nullptr;
  if (!ref.scope()) {
    start = ref.absolute() ? state.rootAd : state.curAd;
  } else {
    Value v;
    if (!evaluate(*ref.scope(), state, v)) return false;
    if (v.isUndefined()) {
      refs.insert(unparse(*ref.scope()) + "." + ref.name());
      return true;
    }
    if (!v.isClassAd()) return false;
    state.keepAlive.push_back(v.asClassAd());
    start = v.asClassAd().get();
  }
  if (!start) return false;
  const ClassAd* saved = state.curAd;
  ExprPtr tree;
  bool ok = false;
  switch (lookupInScope(start, ref.name(), tree, state)) {
    case Found::Undefined:
      refs.insert(ref.name());
      ok = true;
      break;
    case Found::Ok:
      ok = counted(state, [&] { return externalReferences(*tree, state, refs); });
      break;
    default:
      return false;
  }
  state.curAd = saved;
  return ok;
}

// The internal walk: HTCondor's _GetInternalReferences, with its flag for the scope part of a
// reference (`ad.x` does not reach into every attribute of `ad`).
class InternalWalk {
 public:
  InternalWalk(const ClassAd& ad, References& refs) : refs_(refs) {
    state_.rootAd = &ad;
    state_.curAd = &ad;
  }

  bool walk(const ExprTree& expr) {
    switch (expr.kind()) {
      case ExprTree::Kind::Literal: return true;
      case ExprTree::Kind::AttrRef: return attrRef(static_cast<const AttrRef&>(expr));
      case ExprTree::Kind::Operation: {
        const auto& op = static_cast<const Operation&>(expr);
        for (size_t i = 0; i < 3; ++i) {
          if (op.arg(i) && !walk(*op.arg(i))) return false;
        }
        return true;
      }
      case ExprTree::Kind::FunctionCall:
        for (const ExprPtr& arg : static_cast<const FunctionCall&>(expr).args()) {
          if (!walk(*arg)) return false;
        }
        return true;
      case ExprTree::Kind::List:
        for (const ExprPtr& item : static_cast<const ExprList&>(expr).items()) {
          if (!counted(state_, [&] { return walk(*item); })) return false;
        }
        return true;
      case ExprTree::Kind::ClassAd:
        if (inScope_) return true;
        for (const auto& [name, e] : static_cast<const ClassAd&>(expr).attributes()) {
          if (!counted(state_, [&] { return walk(*e); })) return false;
        }
        return true;
    }
    return false;
  }

 private:
  bool attrRef(const AttrRef& ref) {
    const ClassAd* start = nullptr;
    if (!ref.scope()) {
      start = ref.absolute() ? state_.rootAd : state_.curAd;
    } else {
      const bool outer = inScope_;
      inScope_ = true;
      const bool ok = walk(*ref.scope());
      inScope_ = outer;
      if (!ok) return false;
      Value v;
      if (!evaluate(*ref.scope(), state_, v)) return false;
      if (v.isUndefined()) return true;
      if (!v.isClassAd()) return false;
      state_.keepAlive.push_back(v.asClassAd());
      start = v.asClassAd().get();
    }
    if (!start) return false;
    const ClassAd* saved = state_.curAd;
    ExprPtr tree;
    switch (lookupInScope(start, ref.name(), tree, state_)) {
      case Found::Undefined: return true;  // HTCondor leaves the current ad where the search ended
      case Found::Ok: {
        // Internal: found in the root ad itself, not in an enclosing one, nor a special name.
        if (state_.curAd == state_.rootAd && state_.curAd->lookup(ref.name())) refs_.insert(ref.name());
        const bool ok = counted(state_, [&] { return walk(*tree); });
        state_.curAd = saved;
        return ok;
      }
      default: return false;
    }
  }

  EvalState state_;
  References& refs_;
  bool inScope_ = false;
};

}  // namespace

bool externalReferences(const ExprTree& expr, EvalState& state, References& refs) {
  switch (expr.kind()) {
    case ExprTree::Kind::Literal: return true;
    case ExprTree::Kind::AttrRef: return attrRefExternal(static_cast<const AttrRef&>(expr), state, refs);
    case ExprTree::Kind::Operation: {
      const auto& op = static_cast<const Operation&>(expr);
      for (size_t i = 0; i < 3; ++i) {
        if (op.arg(i) && !externalReferences(*op.arg(i), state, refs)) return false;
      }
      return true;
    }
    case ExprTree::Kind::FunctionCall:
      for (const ExprPtr& arg : static_cast<const FunctionCall&>(expr).args()) {
        if (!counted(state, [&] { return externalReferences(*arg, state, refs); })) return false;
      }
      return true;
    case ExprTree::Kind::List:
      for (const ExprPtr& item : static_cast<const ExprList&>(expr).items()) {
        if (!counted(state, [&] { return externalReferences(*item, state, refs); })) return false;
      }
      return true;
    case ExprTree::Kind::ClassAd:
      for (const auto& [name, e] : static_cast<const ClassAd&>(expr).attributes()) {
        if (!counted(state, [&] { return externalReferences(*e, state, refs); })) return false;
      }
      return true;
  }
  return false;
}

bool externalReferences(const ClassAd& ad, const ExprTree& expr, References& refs) {
  EvalState state;
  state.rootAd = &ad;
  state.curAd = &ad;
  return externalReferences(expr, state, refs);
}

bool internalReferences(const ClassAd& ad, const ExprTree& expr, References& refs) {
  return InternalWalk(ad, refs).walk(expr);
}

}  // namespace htcondor::classad
