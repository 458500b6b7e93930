#include "classad/matchmaking.hpp"

#include "classad/eval.hpp"

namespace htcondor::classad {

std::optional<Value> evaluateAttrAgainst(const ClassAd& ad, std::string_view name, const ClassAd* target) {
  Pairing pairing(&ad, target);
  return evaluateAttr(ad, name);
}

bool matches(const ClassAd& ad, const ClassAd& target) {
  auto requirements = evaluateAttrAgainst(ad, "Requirements", &target);
  bool holds = false;
  return requirements && booleanEquivalent(*requirements, holds) && holds;
}

bool symmetricMatch(const ClassAd& a, const ClassAd& b) { return matches(a, b) && matches(b, a); }

LooseEvaluation::LooseEvaluation(const ExprTree& expr, const ClassAd* scope, const ClassAd* target)
    : expr_(expr),
      home_(expr.parentScope()),
      pairing_(scope, target),
      value_(evaluateIn(expr, scope)) {}

// The expression goes back to its own ad before the pairing ends.
LooseEvaluation::~LooseEvaluation() { expr_.setParentScope(home_); }

}  // namespace htcondor::classad
