// Printing expressions and values exactly as HTCondor's unparsers do:
//   Canonical  the one-line form used inside ad text (`[ a = 1 ]`, `{ 1,2 }`, `1.500000000000000E+00`);
//   Pretty     str() in the Python bindings: lists and ads spread over indented lines;
//   Old        old ClassAd syntax, for `Name = Expr` lines (no C escapes, reals as %.16G).
#pragma once

#include <string>

#include "classad/classad.hpp"
#include "classad/expr.hpp"
#include "classad/value.hpp"

namespace htcondor::classad {

enum class Style { Canonical, Pretty, Old };

std::string unparse(const ExprTree& expr, Style style = Style::Canonical);
std::string unparse(const Value& value, Style style = Style::Canonical);
// A string as a quoted ClassAd string literal (classad.quote()).
std::string quoteString(const std::string& s);
// An attribute name, quoted with '...' where it is not a plain identifier or is reserved.
std::string unparseAttrName(const std::string& name);
// An ad as old-syntax lines: "Name = Expr\n" for each attribute ("\n" for an empty ad).
std::string unparseOldAttributes(const ClassAd& ad);

}  // namespace htcondor::classad
