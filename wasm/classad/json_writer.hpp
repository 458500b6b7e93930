// An ad as HTCondor's JSON unparser writes it (ClassAdJsonUnParser, multi-line): literals as
// JSON values, undefined as null, other expressions (and error, times, inf and nan) as strings
// "\/Expr(...)\/" holding their ClassAd text.
#pragma once

#include <string>

#include "classad/classad.hpp"

namespace htcondor::classad {

std::string printJson(const ClassAd& ad);

}  // namespace htcondor::classad
