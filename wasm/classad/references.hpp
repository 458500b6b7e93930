// The attributes an expression refers to, as HTCondor's ClassAd::GetExternalReferences and
// GetInternalReferences with full names.
#pragma once

#include <set>
#include <string>

#include "classad/classad.hpp"
#include "classad/eval.hpp"
#include "classad/functions.hpp"

namespace htcondor::classad {

// Names without case, sorted as HTCondor's References set.
using References = std::set<std::string, CaselessLess>;

// HTCondor's ClassAd::_GetExternalReferences: adds the attributes `expr`, evaluated in `state`,
// refers to that are not found (a reference through an undefined scope is named in full:
// TARGET.x), following the ones found. False where the walk fails (a scope that is not an ad,
// the recursion budget spent).
bool externalReferences(const ExprTree& expr, EvalState& state, References& refs);

// External references of `expr` taken as an attribute of `ad`, which is the root: names found
// only in ads around it are external.
bool externalReferences(const ClassAd& ad, const ExprTree& expr, References& refs);

// HTCondor's ClassAd::GetInternalReferences: the attributes of `ad` itself that `expr` refers to,
// directly or through the expressions of the attributes it refers to.
bool internalReferences(const ClassAd& ad, const ExprTree& expr, References& refs);

}  // namespace htcondor::classad
