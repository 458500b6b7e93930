// Built-in functions: the environment family (not implemented yet).
#include "classad/functions.hpp"

namespace htcondor::classad {

void registerEnvironmentFunctions(Registry&) {}

}  // namespace htcondor::classad
