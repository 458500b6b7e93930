// Built-in functions: the list family (not implemented yet).
#include "classad/functions.hpp"

namespace htcondor::classad {

void registerListFunctions(Registry&) {}

}  // namespace htcondor::classad
