// Helpers the built-in function families share: argument evaluation, result shorthands, and
// HTCondor's value conversions (defined in functions_conversion.cpp) and string-list splitting
// (functions_stringlist.cpp).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "classad/functions.hpp"

namespace htcondor::classad {

// A wrong arity or argument type: the result is error, evaluation goes on.
inline bool errorResult(Value& result) {
  result = Value::error();
  return true;
}

// An evaluation failure, as HTCondor's function returns false.
inline bool failResult(Value& result) {
  result = Value::error();
  return false;
}

// `name` equals `want`, ignoring case.
bool nameIs(std::string_view name, const char* want);
// Evaluates the first `n` arguments in order into `out`; false on failure.
bool evalArgs(const Args& args, EvalState& state, Value* out, size_t n);

// HTCondor's string(), real() and int() conversions; false where the value does not convert.
bool convertToString(const Value& v, Value& out);
bool convertToReal(const Value& v, Value& out);
bool convertToInteger(const Value& v, Value& out);
// A relative time's seconds as HTCondor keeps them: cut through a C int.
int64_t relTimeWholeSeconds(double secs);

// HTCondor's string-list items: split at any of `delims`, trimmed, empty items dropped.
std::vector<std::string> splitStringList(std::string_view text, std::string_view delims);

}  // namespace htcondor::classad
