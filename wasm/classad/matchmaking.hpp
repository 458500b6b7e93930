// Matchmaking as HTCondor does it: each ad's Requirements evaluated with the other as TARGET.
#pragma once

#include <optional>
#include <string_view>

#include "classad/classad.hpp"
#include "classad/eval.hpp"
#include "classad/value.hpp"

namespace htcondor::classad {

// `ad`'s attribute `name` evaluated with `target` paired to it (undefined if it has none);
// nullopt on evaluation failure.
std::optional<Value> evaluateAttrAgainst(const ClassAd& ad, std::string_view name, const ClassAd* target);

// `ad`'s Requirements holds against `target` (true, or a non-zero number).
bool matches(const ClassAd& ad, const ClassAd& target);

// Both ads' Requirements hold against each other.
bool symmetricMatch(const ClassAd& a, const ClassAd& b);

// `expr` evaluated as an attribute of `scope` (null: of no ad) paired with `target`, as Python's
// ExprTree.eval(scope, target). The scope and pairing last as long as this object, so the
// value's lists and ads can still be read in them; then `expr` is back in its own ad.
class LooseEvaluation {
 public:
  LooseEvaluation(const ExprTree& expr, const ClassAd* scope, const ClassAd* target);
  ~LooseEvaluation();
  LooseEvaluation(const LooseEvaluation&) = delete;
  LooseEvaluation& operator=(const LooseEvaluation&) = delete;

  // The value; nullopt on evaluation failure.
  const std::optional<Value>& value() const { return value_; }

 private:
  const ExprTree& expr_;
  const ClassAd* home_;
  Pairing pairing_;
  std::optional<Value> value_;
};

}  // namespace htcondor::classad
