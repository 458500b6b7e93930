#include "classad/same_as.hpp"

#include <cmath>
#include <limits>

#include "classad/classad.hpp"

namespace htcondor::classad {

namespace {

// HTCondor's literal classes each compare their own kind of value; reals within epsilon (so
// NaN is never the same as anything).
bool sameLiteral(const Value& a, const Value& b) {
  if (a.type() != b.type()) return false;
  constexpr double kEpsilon = std::numeric_limits<double>::epsilon();
  switch (a.type()) {
    case Value::Type::Undefined: case Value::Type::Error: return true;
    case Value::Type::Boolean: return a.asBoolean() == b.asBoolean();
    case Value::Type::Integer: return a.asInteger() == b.asInteger();
    case Value::Type::Real: return std::fabs(a.asReal() - b.asReal()) <= kEpsilon;
    case Value::Type::RelTime: return std::fabs(a.asRelTime() - b.asRelTime()) <= kEpsilon;
    case Value::Type::AbsTime: return a.asAbsTime() == b.asAbsTime();
    case Value::Type::String: return a.asString() == b.asString();
    default: return false;  // no literal holds a list or an ad
  }
}

bool sameChild(const ExprPtr& a, const ExprPtr& b) { return a && b ? sameAs(*a, *b) : !a && !b; }

bool sameItems(const std::vector<ExprPtr>& a, const std::vector<ExprPtr>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (!sameAs(*a[i], *b[i])) return false;
  }
  return true;
}

}  // namespace

bool sameAs(const ExprTree& a, const ExprTree& b) {
  if (&a == &b) return true;
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case ExprTree::Kind::Literal:
      return sameLiteral(static_cast<const Literal&>(a).value(), static_cast<const Literal&>(b).value());
    case ExprTree::Kind::AttrRef: {
      const auto& x = static_cast<const AttrRef&>(a);
      const auto& y = static_cast<const AttrRef&>(b);
      return x.absolute() == y.absolute() && x.name() == y.name() && sameChild(x.scope(), y.scope());
    }
    case ExprTree::Kind::Operation: {
      const auto& x = static_cast<const Operation&>(a);
      const auto& y = static_cast<const Operation&>(b);
      return x.op() == y.op() && sameChild(x.arg(0), y.arg(0)) && sameChild(x.arg(1), y.arg(1)) &&
             sameChild(x.arg(2), y.arg(2));
    }
    case ExprTree::Kind::FunctionCall: {
      const auto& x = static_cast<const FunctionCall&>(a);
      const auto& y = static_cast<const FunctionCall&>(b);
      return x.name() == y.name() && sameItems(x.args(), y.args());
    }
    case ExprTree::Kind::List:
      return sameItems(static_cast<const ExprList&>(a).items(), static_cast<const ExprList&>(b).items());
    case ExprTree::Kind::ClassAd: {
      const auto& x = static_cast<const ClassAd&>(a);
      const auto& y = static_cast<const ClassAd&>(b);
      if (x.size() != y.size()) return false;
      for (const auto& [name, e] : x.attributes()) {
        ExprPtr other = y.lookup(name);
        if (!other || !sameAs(*e, *other)) return false;
      }
      return true;
    }
  }
  return false;
}

}  // namespace htcondor::classad
