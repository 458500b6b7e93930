// Built-in functions: the system family (not implemented yet).
#include "classad/functions.hpp"

namespace htcondor::classad {

void registerSystemFunctions(Registry&) {}

}  // namespace htcondor::classad
