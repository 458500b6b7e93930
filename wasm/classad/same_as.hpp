// Structural equality of expressions, as HTCondor's ExprTree::SameAs.
#pragma once

#include "classad/expr.hpp"

namespace htcondor::classad {

// The same kind of node with the same contents all the way down: names of attributes and
// functions compared with case, ads' attributes looked up without it, reals (and relative
// times) equal within DBL_EPSILON; parentheses count.
bool sameAs(const ExprTree& a, const ExprTree& b);

}  // namespace htcondor::classad
