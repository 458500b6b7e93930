// Built-in functions: the stringlist family (not implemented yet).
#include "classad/functions.hpp"

namespace htcondor::classad {

void registerStringListFunctions(Registry&) {}

}  // namespace htcondor::classad
