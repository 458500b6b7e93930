// Built-in functions: the conversion family (not implemented yet).
#include "classad/functions.hpp"

namespace htcondor::classad {

void registerConversionFunctions(Registry&) {}

}  // namespace htcondor::classad
