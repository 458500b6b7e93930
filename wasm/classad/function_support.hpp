// Helpers the built-in function families share: argument evaluation, result shorthands, and
// HTCondor's value conversions (defined in functions_conversion.cpp) and string-list splitting
// (functions_stringlist.cpp).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
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

// The result undefined, evaluation goes on.
inline bool undefinedResult(Value& result) {
  result = Value::undefined();
  return true;
}

// `name` equals `want`, ignoring case.
bool nameIs(std::string_view name, const char* want);
// The usual start of a built-in that takes `min` to `max` arguments: evaluates all of them, in
// order, into `out` (room for `max`). Returns nullopt when the function can go on; otherwise what
// it returns, with `result` error: true for a wrong arity, false for an evaluation failure.
std::optional<bool> evalCallArgs(const Args& args, size_t min, size_t max, EvalState& state, std::span<Value> out,
                                 Value& result);
// The same for a built-in of exactly one argument.
inline std::optional<bool> evalSoleArg(const Args& args, EvalState& state, Value& out, Value& result) {
  return evalCallArgs(args, 1, 1, state, std::span<Value>(&out, 1), result);
}

// HTCondor's usual exceptional arguments: error if any is an error, else undefined if any is
// undefined. True (with `result` set) when one of them applies.
bool exceptionalArgs(std::span<const Value> args, Value& result);
// Undefined if any argument is undefined; true (with `result` set) when it applies.
bool undefinedArg(std::span<const Value> args, Value& result);

// HTCondor works on C strings: text after a NUL byte is never seen.
inline std::string_view cString(std::string_view s) { return s.substr(0, s.find('\0')); }

// A list value of string literals, as the functions that split text build it.
Value stringListValue(std::vector<std::string> items);

// HTCondor's string(), real() and int() conversions; false where the value does not convert.
bool convertToString(const Value& v, Value& out);
bool convertToReal(const Value& v, Value& out);
bool convertToInteger(const Value& v, Value& out);
// A relative time's seconds as HTCondor keeps them: cut through a C int.
int64_t relTimeWholeSeconds(double secs);

// HTCondor's string-list items: split at any of `delims`, trimmed, empty items dropped.
std::vector<std::string> splitStringList(std::string_view text, std::string_view delims);

}  // namespace htcondor::classad
