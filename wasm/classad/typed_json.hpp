// Values as lossless typed JSON: the form values cross the worker boundary in, and the form
// the conformance corpora record (shared/conformance/classad/FORMAT.md): a type tag `t`, the
// value (integers as decimal strings, reals with their exact bits as a C99 hex float), the
// canonical rendering `unparse`, and, for lists and ads, their evaluated members.
#pragma once

#include <string>

#include "classad/value.hpp"

namespace htcondor::classad {

// Lists and ads are expanded by evaluating their members in their own scopes.
std::string typedJson(const Value& value);

// Python's float.hex(): "0x1.8000000000000p+0", "-0x0.0p+0", "inf", "nan".
std::string hexFloat(double d);

// A JSON string literal (UTF-8 passed through, control characters escaped).
std::string jsonString(const std::string& s);

bool isValidUtf8(const std::string& s);

}  // namespace htcondor::classad
