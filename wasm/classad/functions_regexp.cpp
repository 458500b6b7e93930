// Built-in functions: the regexp family (not implemented yet).
#include "classad/functions.hpp"

namespace htcondor::classad {

void registerRegexpFunctions(Registry&) {}

}  // namespace htcondor::classad
