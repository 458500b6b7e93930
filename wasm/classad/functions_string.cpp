// Built-in functions: the string family (not implemented yet).
#include "classad/functions.hpp"

namespace htcondor::classad {

void registerStringFunctions(Registry&) {}

}  // namespace htcondor::classad
