// Partial evaluation, as HTCondor's ClassAd::Flatten and FlattenAndInline: references that
// resolve to values are replaced by them and operations on values are folded; what stays
// unknown stays an expression.
#pragma once

#include "classad/classad.hpp"
#include "classad/expr.hpp"
#include "classad/value.hpp"

namespace htcondor::classad {

// Flattens `expr` taken as an attribute of `ad` (the root of the lookups). False on failure.
// Otherwise `tree` is the flattened expression, or null when it came to the value `val`.
// With `inlineRefs` (FlattenAndInline) references to expressions that do not come to a value
// are replaced by their flattened expressions too; without it they stay references.
bool flatten(const ClassAd& ad, const ExprTree& expr, Value& val, ExprPtr& tree, bool inlineRefs = false);

}  // namespace htcondor::classad
