// Evaluating expressions with HTCondor's semantics: lexical scopes (parent, root, self/my),
// TARGET and the old-ClassAd fallback of unscoped names to the target ad, a recursion budget
// whose exhaustion (circular references) is an evaluation failure, not a value.
#pragma once

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "classad/classad.hpp"
#include "classad/expr.hpp"
#include "classad/value.hpp"

namespace htcondor::classad {

struct EvalState {
  static constexpr int kMaxRecursion = 400;  // HTCondor's MAX_CLASSAD_RECURSION
  const ClassAd* rootAd = nullptr;
  const ClassAd* curAd = nullptr;
  int depthRemaining = kMaxRecursion;
  // Ads and lists made during evaluation (by selection over a list, by functions) that
  // scopes may point into: kept alive until the evaluation ends.
  std::vector<ExprPtr> keepAlive;

  // Scopes for evaluating inside `ad`: it is current, its outermost enclosing ad is the root.
  void setScopes(const ClassAd* ad);
};

// How an attribute reference resolved (HTCondor's EVAL_OK, EVAL_UNDEF, EVAL_ERROR, EVAL_FAIL).
enum class Found { Ok, Undefined, Error, Fail };

// The expression `ref` names, without evaluating it (HTCondor's FindExpr); leaves state.curAd
// at the ad it was found in.
Found findExpr(const AttrRef& ref, EvalState& state, ExprPtr& tree);

// `name` in `start` and its enclosing ads, or one of the special names root/toplevel,
// self/my, parent, target (HTCondor's LookupInScope).
Found lookupInScope(const ClassAd* start, std::string_view name, ExprPtr& tree, EvalState& state);

// HTCondor's Evaluate(): false is an evaluation failure ("eval_fail"), distinct from error.
bool evaluate(const ExprTree& expr, EvalState& state, Value& out);

// Pairs two ads as in matchmaking for as long as it lives: TARGET in each is the other, and
// unscoped names not found in one are looked up in the other. As HTCondor's MatchClassAd, two
// distinct ads are also placed in a match ad: each one's parent is its context ad
// ([other = .RIGHT; target = .RIGHT; my = .LEFT; ad = .LEFT] for the left one), whose parent
// is the match ad (LEFT, RIGHT, symmetricMatch, ...), the root of the evaluation.
class Pairing {
 public:
  Pairing(const ClassAd* a, const ClassAd* b);
  ~Pairing();
  Pairing(const Pairing&) = delete;
  Pairing& operator=(const Pairing&) = delete;

 private:
  void enter(const ClassAd* ad, const char* side, const char* context);

  const ClassAd* a_;
  const ClassAd* b_;
  const ClassAd* aParent_ = nullptr;
  const ClassAd* bParent_ = nullptr;
  std::shared_ptr<ClassAd> match_;
};

// `base[index]` on evaluated operands (strict: error, then undefined, pass through).
bool subscriptValues(const Value& base, const Value& index, EvalState& state, Value& out);

// The value of `expr` evaluated as an attribute of `scope` (may be null); nullopt on failure.
std::optional<Value> evaluateIn(const ExprTree& expr, const ClassAd* scope);

// The value of attribute `name` of `ad`; undefined if it has none, nullopt on failure.
std::optional<Value> evaluateAttr(const ClassAd& ad, std::string_view name);

// Attribute `name` of `ad` when it evaluates to an integer; nothing otherwise.
std::optional<int64_t> evaluateInteger(const ClassAd& ad, std::string_view name);

// Boolean, or a number read as a boolean (non-zero is true), as HTCondor's IsBooleanValueEquiv.
bool booleanEquivalent(const Value& v, bool& out);

}  // namespace htcondor::classad
