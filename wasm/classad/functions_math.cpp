// Built-in functions: the math family (not implemented yet).
#include "classad/functions.hpp"

namespace htcondor::classad {

void registerMathFunctions(Registry&) {}

}  // namespace htcondor::classad
