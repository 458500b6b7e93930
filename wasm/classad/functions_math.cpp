// Built-in functions: the math family (floor, ceil/ceiling, round, pow, quantize, random).
#include <chrono>
#include <cmath>
#include <random>

#include "classad/function_support.hpp"
#include "classad/x86_conversions.hpp"

namespace htcondor::classad {

namespace {

// Integer arithmetic wraps around, as on the x86-64 oracle.
int64_t wrapAdd(int64_t a, int64_t b) { return static_cast<int64_t>(static_cast<uint64_t>(a) + static_cast<uint64_t>(b)); }
int64_t wrapMul(int64_t a, int64_t b) { return static_cast<int64_t>(static_cast<uint64_t>(a) * static_cast<uint64_t>(b)); }
int64_t wrapDiv(int64_t a, int64_t b) { return b == -1 ? static_cast<int64_t>(0 - static_cast<uint64_t>(a)) : a / b; }

// floor, ceil, ceiling, round: integers pass through, anything else converts to real
// (undefined too is then an error) and is cut to an integer the x86 way.
bool doRound(std::string_view name, const Args& args, EvalState& state, Value& result) {
  Value arg;
  if (auto done = evalSoleArg(args, state, arg, result)) return *done;
  if (arg.isInteger()) {
    result = arg;
    return true;
  }
  Value real;
  if (!convertToReal(arg, real)) return errorResult(result);
  const double r = real.asReal();
  double rounded;
  if (nameIs(name, "floor")) rounded = std::floor(r);
  else if (nameIs(name, "round")) rounded = std::rint(r);  // ties to even, as rint
  else rounded = std::ceil(r);
  result = Value::integer(x86ToInt64(rounded));
  return true;
}

// pow(base, exponent): integer when both are integers and the exponent is not negative.
Value power(const Value& base, const Value& exponent) {
  if (base.isInteger() && exponent.isInteger() && exponent.asInteger() >= 0) {
    const double p = std::pow(static_cast<double>(base.asInteger()), static_cast<double>(exponent.asInteger()));
    return Value::integer(x86ToInt64(p + 0.5));
  }
  Value b, e;
  if (!convertToReal(base, b) || !convertToReal(exponent, e)) return Value::error();
  return Value::real(std::pow(b.asReal(), e.asReal()));
}

// quantize(value, base) with a single base: the next multiple of it at or above value.
Value quantizeTo(const Value& arg, double rval, const Value& base, double rbase) {
  if (base.isInteger()) {
    const int64_t ibase = base.asInteger();
    if (ibase == 0) return arg;
    if (arg.isInteger()) {
      return Value::integer(wrapMul(wrapDiv(wrapAdd(wrapAdd(arg.asInteger(), ibase), -1), ibase), ibase));
    }
    const double b = static_cast<double>(ibase);
    return Value::real(std::ceil(rval / b) * b);
  }
  constexpr double epsilon = 1e-8;
  if (rbase >= -epsilon && rbase <= epsilon) return arg;
  return Value::real(std::ceil(rval / rbase) * rbase);
}

// quantize(value, base or list of bases): with a list, the first item at or above value, else
// multiples of the last item.
bool quantize(const Value& arg, const Value& arg2, EvalState& state, Value& result) {
  Value converted;
  if (!convertToReal(arg, converted)) return errorResult(result);
  const double rval = converted.asReal();
  if (!arg2.isList()) {
    if (!convertToReal(arg2, converted)) return errorResult(result);
    result = quantizeTo(arg, rval, arg2, converted.asReal());
    return true;
  }
  Value base = Value::real(0.0);  // an empty list: do not quantize
  double rbase = 0.0;
  for (const ExprPtr& item : arg2.asList()->items()) {
    if (!evaluate(*item, state, base)) return failResult(result);
    if (!convertToReal(base, converted)) return errorResult(result);
    rbase = converted.asReal();
    if (rbase >= rval) {
      result = base;
      return true;
    }
  }
  result = quantizeTo(arg, rval, base, rbase);
  return true;
}

bool doMath2(std::string_view name, const Args& args, EvalState& state, Value& result) {
  Value v[2];
  if (auto done = evalCallArgs(args, 2, 2, state, v, result)) return *done;
  if (nameIs(name, "pow")) {
    result = power(v[0], v[1]);
    return true;
  }
  return quantize(v[0], v[1], state, result);
}

std::mt19937_64& generator() {
  static std::mt19937_64 g(static_cast<uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count()));
  return g;
}

// random(): a real in [0, 1); random(n): an integer in [0, n) (n read as an int) or a real in
// [0, x). A bound that is not positive is an evaluation failure, as in HTCondor.
bool random(std::string_view, const Args& args, EvalState& state, Value& result) {
  if (args.size() > 1) return errorResult(result);
  Value arg = Value::real(1.0);
  if (args.size() == 1 && !evalArg(args, 0, state, arg)) return failResult(result);
  if (arg.isInteger()) {
    const auto bound = static_cast<int32_t>(static_cast<uint32_t>(static_cast<uint64_t>(arg.asInteger())));
    if (bound <= 0) return failResult(result);
    const auto draw = static_cast<int32_t>(generator()() >> 33);  // 0 .. 2^31-1
    result = Value::integer(draw % bound);
    return true;
  }
  if (arg.isReal()) {
    if (arg.asReal() <= 0) return failResult(result);
    result = Value::real(arg.asReal() * std::uniform_real_distribution<double>(0.0, 1.0)(generator()));
    return true;
  }
  return errorResult(result);
}

}  // namespace

void registerMathFunctions(Registry& r) {
  r.emplace("floor", doRound);
  r.emplace("ceil", doRound);
  r.emplace("ceiling", doRound);
  r.emplace("round", doRound);
  r.emplace("pow", doMath2);
  r.emplace("quantize", doMath2);
  r.emplace("random", random);
}

}  // namespace htcondor::classad
