// Built-in functions: the misc family (not implemented yet).
#include "classad/functions.hpp"

namespace htcondor::classad {

void registerMiscFunctions(Registry&) {}

}  // namespace htcondor::classad
