// The semantics of ClassAd operators on values (HTCondor's Operation::_doOperation).
#pragma once

#include "classad/expr.hpp"
#include "classad/value.hpp"

namespace htcondor::classad {

// `op` applied to already evaluated operands (b and c may be absent for unary operators).
// Subscript is evaluated by the caller, which owns the evaluation state.
Value applyOperator(Op op, const Value& a, const Value* b);

}  // namespace htcondor::classad
