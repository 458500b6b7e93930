// Built-in functions: the conversion family (int, real, string, bool), and what the other
// families share (declared in function_support.hpp): HTCondor's value conversions (its
// convertValueTo*Value), a caseless name test, argument evaluation and checks.
#include <strings.h>

#include <cstdlib>
#include <cstring>
#include <memory>
#include <optional>

#include "classad/function_support.hpp"
#include "classad/time_text.hpp"
#include "classad/unparse.hpp"
#include "classad/x86_conversions.hpp"

namespace htcondor::classad {

bool nameIs(std::string_view name, const char* want) {
  return name.size() == std::strlen(want) && strncasecmp(name.data(), want, name.size()) == 0;
}

std::optional<bool> evalCallArgs(const Args& args, size_t min, size_t max, EvalState& state, std::span<Value> out,
                                 Value& result) {
  if (args.size() < min || args.size() > max || args.size() > out.size()) return errorResult(result);
  for (size_t i = 0; i < args.size(); ++i) {
    if (!evalArg(args, i, state, out[i])) return failResult(result);
  }
  return std::nullopt;
}

bool exceptionalArgs(std::span<const Value> args, Value& result) {
  for (const Value& a : args) {
    if (a.isError()) return errorResult(result);
  }
  return undefinedArg(args, result);
}

bool undefinedArg(std::span<const Value> args, Value& result) {
  for (const Value& a : args) {
    if (a.isUndefined()) return undefinedResult(result);
  }
  return false;
}

Value stringListValue(std::vector<std::string> items) {
  std::vector<ExprPtr> literals;
  literals.reserve(items.size());
  for (std::string& s : items) literals.push_back(std::make_shared<Literal>(Value::string(std::move(s))));
  return Value::list(std::make_shared<ExprList>(std::move(literals)));
}

// A relative time as HTCondor reads it into a time_t: through an int, so truncated to
// whole seconds (and to the int range, the x86 way).
int64_t relTimeWholeSeconds(double secs) { return x86ToInt32(secs); }

namespace {

// strtod of the text (leading space, hex, inf and nan accepted, trailing junk ignored);
// nullopt where HTCondor sees no number: nothing read and a zero result.
std::optional<double> leadingNumber(const std::string& text) {
  const char* start = text.c_str();
  char* end = nullptr;
  const double d = std::strtod(start, &end);
  if (end == start && d == 0.0) return std::nullopt;
  return d;
}

// Undefined stays undefined, the other non-scalars are errors; true if `v` was one of them.
bool nonScalar(const Value& v, Value& out) {
  if (v.isUndefined()) {
    out = Value::undefined();
    return true;
  }
  if (v.isError() || v.isList() || v.isClassAd()) {
    out = Value::error();
    return true;
  }
  return false;
}

}  // namespace

bool convertToString(const Value& v, Value& out) {
  switch (v.type()) {
    case Value::Type::Undefined: out = Value::undefined(); return false;
    case Value::Type::Error: out = Value::error(); return false;
    case Value::Type::String: out = v; return true;
    case Value::Type::AbsTime: out = Value::string(absTimeText(v.asAbsTime())); return true;
    case Value::Type::RelTime:
      out = Value::string(relTimeText(static_cast<double>(relTimeWholeSeconds(v.asRelTime()))));
      return true;
    default: out = Value::string(unparse(v)); return true;
  }
}

bool convertToReal(const Value& v, Value& out) {
  if (nonScalar(v, out)) return false;
  switch (v.type()) {
    case Value::Type::String: {
      const auto d = leadingNumber(v.asString());
      out = d ? Value::real(*d) : Value::error();
      return d.has_value();
    }
    case Value::Type::Boolean: out = Value::real(v.asBoolean() ? 1.0 : 0.0); return true;
    case Value::Type::Integer: out = Value::real(static_cast<double>(v.asInteger())); return true;
    case Value::Type::AbsTime: out = Value::real(static_cast<double>(v.asAbsTime().secs)); return true;
    case Value::Type::RelTime:
      out = Value::real(static_cast<double>(relTimeWholeSeconds(v.asRelTime())));
      return true;
    default: out = v; return true;  // real
  }
}

bool convertToInteger(const Value& v, Value& out) {
  if (nonScalar(v, out)) return false;
  switch (v.type()) {
    case Value::Type::String: {
      const auto d = leadingNumber(v.asString());
      out = d ? Value::integer(x86ToInt64(*d)) : Value::error();
      return d.has_value();
    }
    case Value::Type::Boolean: out = Value::integer(v.asBoolean() ? 1 : 0); return true;
    case Value::Type::Real: out = Value::integer(x86ToInt64(v.asReal())); return true;
    case Value::Type::AbsTime: out = Value::integer(v.asAbsTime().secs); return true;
    case Value::Type::RelTime: out = Value::integer(relTimeWholeSeconds(v.asRelTime())); return true;
    default: out = v; return true;  // integer
  }
}

namespace {

using Converter = bool (*)(const Value&, Value&);

// int(), real(), string(): one argument, converted; a failed conversion leaves undefined or error.
template <Converter convert>
bool convertFunction(std::string_view, const Args& args, EvalState& state, Value& result) {
  Value arg;
  if (auto done = evalSoleArg(args, state, arg, result)) return *done;
  convert(arg, result);
  return true;
}

Value toBool(const Value& v) {
  switch (v.type()) {
    case Value::Type::Undefined: return Value::undefined();
    case Value::Type::Boolean: return v;
    case Value::Type::Integer: return Value::boolean(v.asInteger() != 0);
    case Value::Type::Real: return Value::boolean(v.asReal() != 0.0);
    case Value::Type::RelTime: return Value::boolean(relTimeWholeSeconds(v.asRelTime()) != 0);
    case Value::Type::String:
      // Only the words true and false (any case) convert; other text is undefined.
      if (strcasecmp(v.asString().c_str(), "true") == 0) return Value::boolean(true);
      if (strcasecmp(v.asString().c_str(), "false") == 0) return Value::boolean(false);
      return Value::undefined();
    default: return Value::error();  // error, lists, ads, absolute times
  }
}

bool convBool(std::string_view, const Args& args, EvalState& state, Value& result) {
  Value arg;
  if (auto done = evalSoleArg(args, state, arg, result)) return *done;
  result = toBool(arg);
  return true;
}

}  // namespace

void registerConversionFunctions(Registry& r) {
  r.emplace("int", convertFunction<convertToInteger>);
  r.emplace("real", convertFunction<convertToReal>);
  r.emplace("string", convertFunction<convertToString>);
  r.emplace("bool", convBool);
}

}  // namespace htcondor::classad
