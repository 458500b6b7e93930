// Built-in functions: the time family (not implemented yet).
#include "classad/functions.hpp"

namespace htcondor::classad {

void registerTimeFunctions(Registry&) {}

}  // namespace htcondor::classad
