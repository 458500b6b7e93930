#include "classad/operators.hpp"

#include <strings.h>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <limits>

#include "classad/eval.hpp"
#include "classad/x86_conversions.hpp"

namespace htcondor::classad {

namespace {

constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
constexpr int64_t kMax = std::numeric_limits<int64_t>::max();

bool isComparison(Op op) {
  switch (op) {
    case Op::LessThan: case Op::LessOrEqual: case Op::NotEqual: case Op::Equal: case Op::MetaEqual:
    case Op::MetaNotEqual: case Op::GreaterOrEqual: case Op::GreaterThan:
      return true;
    default:
      return false;
  }
}

bool isStrict(Op op) {
  return op != Op::MetaEqual && op != Op::MetaNotEqual && op != Op::LogicalAnd && op != Op::LogicalOr &&
         op != Op::Ternary;
}

// Two's-complement wrap-around, as the x86-64 oracle computes.
int64_t wrap(uint64_t u) { return static_cast<int64_t>(u); }
uint64_t bits(int64_t i) { return static_cast<uint64_t>(i); }

// HTCondor's coerceToNumber: the type an arithmetic or comparison operation works in, with
// booleans made integers and an integer widened when the other side is real.
Value::Type coerceToNumber(Value& a, Value& b) {
  if (a.isClassAd() || b.isClassAd()) return Value::Type::ClassAd;
  if (a.isList() || b.isList()) return Value::Type::List;
  if (a.isString() || b.isString()) return Value::Type::String;
  if (a.isUndefined() || b.isUndefined()) return Value::Type::Undefined;
  if (a.isError() || b.isError()) return Value::Type::Error;
  if (a.isAbsTime() || b.isAbsTime()) return Value::Type::AbsTime;
  if (a.isRelTime() || b.isRelTime()) return Value::Type::RelTime;
  if (a.isBoolean()) a = Value::integer(a.asBoolean() ? 1 : 0);
  if (b.isBoolean()) b = Value::integer(b.asBoolean() ? 1 : 0);
  if (a.isInteger() && b.isInteger()) return Value::Type::Integer;
  if (a.isInteger()) a = Value::real(static_cast<double>(a.asInteger()));
  if (b.isInteger()) b = Value::real(static_cast<double>(b.asInteger()));
  return Value::Type::Real;
}

template <typename T>
bool compare(Op op, const T& x, const T& y) {
  switch (op) {
    case Op::LessThan: return x < y;
    case Op::LessOrEqual: return x <= y;
    case Op::Equal: case Op::MetaEqual: return x == y;
    case Op::NotEqual: case Op::MetaNotEqual: return x != y;
    case Op::GreaterThan: return x > y;
    case Op::GreaterOrEqual: return x >= y;
    default: return false;
  }
}

Value comparison(Op op, Value a, Value b) {
  const bool meta = op == Op::MetaEqual || op == Op::MetaNotEqual;
  const Value::Type work = meta ? a.type() : coerceToNumber(a, b);
  if (meta) {
    if (a.type() != b.type()) return Value::boolean(op == Op::MetaNotEqual);
    if (a.isExceptional()) return Value::boolean(op == Op::MetaEqual);
  }
  switch (work) {
    case Value::Type::String: {
      if (!a.isString() || !b.isString()) return Value::error();
      // Case matters only for =?= and =!=.
      const int cmp = meta ? std::strcmp(a.asString().c_str(), b.asString().c_str())
                           : strcasecmp(a.asString().c_str(), b.asString().c_str());
      return Value::boolean(compare(op, cmp, 0));
    }
    case Value::Type::Integer: return Value::boolean(compare(op, a.asInteger(), b.asInteger()));
    case Value::Type::Real: return Value::boolean(compare(op, a.asReal(), b.asReal()));
    case Value::Type::Boolean:
      if (!a.isBoolean() || !b.isBoolean()) return Value::error();
      return Value::boolean(compare(op, a.asBoolean(), b.asBoolean()));
    case Value::Type::AbsTime: {
      if (!a.isAbsTime() || !b.isAbsTime()) return Value::error();
      const AbsTime x = a.asAbsTime(), y = b.asAbsTime();
      if (op == Op::MetaEqual) return Value::boolean(x.secs == y.secs && x.offset == y.offset);
      if (op == Op::MetaNotEqual) return Value::boolean(x.secs != y.secs || x.offset != y.offset);
      return Value::boolean(compare(op, x.secs, y.secs));
    }
    case Value::Type::RelTime:
      if (!a.isRelTime() || !b.isRelTime()) return Value::error();
      return Value::boolean(compare(op, a.asRelTime(), b.asRelTime()));
    default:
      return Value::error();  // lists and ads do not compare
  }
}

bool arithmeticOperand(const Value& v) {
  return v.isInteger() || v.isReal() || v.isAbsTime() || v.isRelTime() || v.isBoolean();
}

Value timeArithmetic(Op op, const Value& a, const Value& b) {
  // Seconds added to or taken from an instant are truncated to a 32-bit int, as HTCondor does.
  auto shift = [](AbsTime t, double secs, int sign) {
    t.secs += sign * static_cast<int64_t>(x86ToInt32(secs));
    return Value::absTime(t);
  };
  if (op == Op::Add) {
    if (a.isAbsTime() && b.isRelTime()) return shift(a.asAbsTime(), b.asRelTime(), 1);
    if (a.isRelTime() && b.isAbsTime()) return shift(b.asAbsTime(), a.asRelTime(), 1);
    if (a.isRelTime() && b.isRelTime()) return Value::relTime(a.asRelTime() + b.asRelTime());
  }
  if (op == Op::Subtract) {
    if (a.isAbsTime() && b.isAbsTime()) return Value::relTime(static_cast<double>(a.asAbsTime().secs - b.asAbsTime().secs));
    if (a.isAbsTime() && b.isRelTime()) return shift(a.asAbsTime(), b.asRelTime(), -1);
    if (a.isRelTime() && b.isRelTime()) return Value::relTime(a.asRelTime() - b.asRelTime());
  }
  if (op == Op::Multiply || op == Op::Divide) {
    if (a.isRelTime() && b.isNumber()) {
      const double n = b.numberAsReal();
      return Value::relTime(op == Op::Multiply ? a.asRelTime() * n : a.asRelTime() / n);
    }
    if (op == Op::Multiply && a.isNumber() && b.isRelTime()) return Value::relTime(a.numberAsReal() * b.asRelTime());
  }
  return Value::error();
}

Value arithmetic(Op op, Value a, Value b) {
  if (!arithmeticOperand(a) || !arithmeticOperand(b)) return Value::error();
  switch (coerceToNumber(a, b)) {
    case Value::Type::Integer: {
      const int64_t x = a.asInteger(), y = b.asInteger();
      switch (op) {
        case Op::Add: return Value::integer(wrap(bits(x) + bits(y)));
        case Op::Subtract: return Value::integer(wrap(bits(x) - bits(y)));
        case Op::Multiply: return Value::integer(wrap(bits(x) * bits(y)));
        case Op::Divide:
          if (x == kMin && y == -1) return Value::integer(kMax);
          return y == 0 ? Value::error() : Value::integer(x / y);
        case Op::Modulus:
          if (x == kMin && y == -1) return Value::integer(0);
          return y == 0 ? Value::error() : Value::integer(x % y);
        default: return Value::error();
      }
    }
    case Value::Type::Real: {
      const double x = a.asReal(), y = b.asReal();
      double r;
      switch (op) {
        case Op::Add: r = x + y; break;
        case Op::Subtract: r = x - y; break;
        case Op::Multiply: r = x * y; break;
        case Op::Divide: r = x / y; break;
        default: return Value::error();  // % on reals
      }
      // HTCondor rejects +infinity (HUGE_VAL) but lets -infinity and NaN through.
      if (r == HUGE_VAL) return Value::error();
      return Value::real(r);
    }
    default:
      return timeArithmetic(op, a, b);
  }
}

Value logical(Op op, Value a, Value b) {
  bool x = false, y = false;
  if (!a.isBoolean() && booleanEquivalent(a, x)) a = Value::boolean(x);
  if (!b.isBoolean() && booleanEquivalent(b, y)) b = Value::boolean(y);
  if (a.isBoolean()) x = a.asBoolean();
  if (b.isBoolean()) y = b.asBoolean();
  if (!a.isExceptional() && !a.isBoolean()) return Value::error();
  if (!b.isExceptional() && !b.isBoolean()) return Value::error();
  if (op == Op::LogicalNot) return a.isBoolean() ? Value::boolean(!x) : a;
  const bool isOr = op == Op::LogicalOr;
  if (a.isBoolean() && x == isOr) return Value::boolean(isOr);
  if (a.isError()) return Value::error();
  if (a.isBoolean()) return b;  // the other truth value: the result is the right side
  if (!b.isBoolean()) return b;
  return y == isOr ? Value::boolean(isOr) : Value::undefined();
}

Value bitwise(Op op, const Value& a, const Value* b) {
  if (!a.isInteger() || (op != Op::BitwiseNot && !b->isInteger())) return Value::error();
  const int64_t x = a.asInteger();
  if (op == Op::BitwiseNot) return Value::integer(~x);
  const int64_t y = b->asInteger();
  // Shift counts are taken modulo 64, as x86-64 does.
  const auto count = [](int64_t n) { return static_cast<unsigned>(n) & 63u; };
  switch (op) {
    case Op::BitwiseOr: return Value::integer(x | y);
    case Op::BitwiseAnd: return Value::integer(x & y);
    case Op::BitwiseXor: return Value::integer(x ^ y);
    case Op::LeftShift: return Value::integer(wrap(bits(x) << count(y)));
    case Op::URightShift:
      if (x >= 0) return Value::integer(x >> count(y));
      return Value::integer(((x >> 1) & kMax) >> count(y - 1));
    case Op::RightShift: {
      if (x >= 0) return Value::integer(x >> count(y));
      int64_t v = x;
      for (int64_t i = 0; i < std::min<int64_t>(64, y); ++i) v = (v >> 1) | kMin;
      return Value::integer(v);
    }
    default: return Value::error();
  }
}

}  // namespace

Value applyOperator(Op op, const Value& a, const Value* b) {
  if (op == Op::Parentheses) return a;
  if (op == Op::UnaryPlus) {
    if (a.isBoolean() || a.isString() || a.isList() || a.isClassAd() || a.isAbsTime()) return Value::error();
    return a;
  }
  if (isStrict(op)) {
    if (a.isError() || (b && b->isError())) return Value::error();
    if (a.isUndefined() || (b && b->isUndefined())) return Value::undefined();
  }
  if (isComparison(op)) return comparison(op, a, *b);
  switch (op) {
    case Op::UnaryMinus:
      if (a.isInteger()) return Value::integer(wrap(0 - bits(a.asInteger())));
      if (a.isReal()) return Value::real(-a.asReal());
      if (a.isRelTime()) return Value::relTime(-a.asRelTime());
      return Value::error();
    case Op::Add: case Op::Subtract: case Op::Multiply: case Op::Divide: case Op::Modulus:
      return arithmetic(op, a, *b);
    case Op::LogicalNot: return logical(op, a, Value());
    case Op::LogicalAnd: case Op::LogicalOr: return logical(op, a, *b);
    case Op::BitwiseNot: case Op::BitwiseOr: case Op::BitwiseXor: case Op::BitwiseAnd:
    case Op::LeftShift: case Op::RightShift: case Op::URightShift:
      return bitwise(op, a, b);
    default:
      return Value::error();
  }
}

}  // namespace htcondor::classad
