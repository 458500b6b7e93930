// Building expression trees from trees and values: deep copies, literals of values and new
// operations, as HTCondor's Copy, Literal::MakeLiteral and Operation::MakeOperation.
#pragma once

#include "classad/expr.hpp"
#include "classad/value.hpp"

namespace htcondor::classad {

// A copy of every node of `expr`, sharing nothing with it, so the copy's scope can be set
// without touching the original. The copy has no scope (nested ads are the scope of their own
// contents).
ExprPtr deepCopy(const ExprTree& expr);

// Whether `expr` holds a list or a nested ad anywhere. Those keep the scope they sit in (lists
// evaluate their items there, nested ads know their parent); every other node evaluates in
// whatever ad it is found in, so a tree without them can be shared by many ads.
bool holdsScope(const ExprTree& expr);

// HTCondor's Literal::MakeLiteral: a literal of `v`; null for a list or an ad, which no literal
// holds. A relative time keeps its whole seconds only.
ExprPtr makeLiteral(const Value& v);

// A value as an expression, as Python's simplify() gives it: a literal, or a copy of the list or
// ad the value is.
ExprPtr valueExpr(const Value& v);

// `a op b` (or `op a` for a unary operator) over copies of the operands, as Python's ExprTree
// operators build it.
ExprPtr composeOperation(Op op, const ExprTree& a, const ExprTree* b);

}  // namespace htcondor::classad
