// Ads inside classic-format events, printed as HTCondor's sPrintAdAttrs does. (Their lines are
// read with classad::insertLongFormLine, HTCondor's ParseLongFormAttrValue.)
#pragma once

#include <string>
#include <string_view>

#include "classad/classad.hpp"

namespace htcondor::eventlog {

// Each attribute as "<indent>Name = Expr\n", sorted by name ignoring case.
void printAdAttrs(std::string& out, const classad::ClassAd& ad, std::string_view indent = {});

}  // namespace htcondor::eventlog
