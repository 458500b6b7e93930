// Literals as the parsers make them. A literal is immutable and has no scope, so the common
// ones (undefined, error, booleans, small integers, the empty string) are made once and
// shared by every tree that holds them: most attributes of a job ad are such values, and an
// ad then costs an attribute entry for them, not an allocation each.
#pragma once

#include "classad/expr.hpp"
#include "classad/value.hpp"

namespace htcondor::classad {

ExprPtr literalOf(Value v);

}  // namespace htcondor::classad
