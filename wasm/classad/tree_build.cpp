#include "classad/tree_build.hpp"

#include <algorithm>

#include "classad/classad.hpp"
#include "classad/function_support.hpp"
#include "classad/literals.hpp"

namespace htcondor::classad {

namespace {

ExprPtr copyOrNull(const ExprPtr& e) { return e ? deepCopy(*e) : nullptr; }

std::vector<ExprPtr> copyAll(const std::vector<ExprPtr>& items) {
  std::vector<ExprPtr> out;
  out.reserve(items.size());
  for (const ExprPtr& item : items) out.push_back(deepCopy(*item));
  return out;
}

}  // namespace

ExprPtr deepCopy(const ExprTree& expr) {
  switch (expr.kind()) {
    case ExprTree::Kind::Literal: return literalOf(static_cast<const Literal&>(expr).value());
    case ExprTree::Kind::AttrRef: {
      const auto& ref = static_cast<const AttrRef&>(expr);
      return std::make_shared<AttrRef>(copyOrNull(ref.scope()), ref.name(), ref.absolute());
    }
    case ExprTree::Kind::Operation: {
      const auto& o = static_cast<const Operation&>(expr);
      return std::make_shared<Operation>(o.op(), copyOrNull(o.arg(0)), copyOrNull(o.arg(1)), copyOrNull(o.arg(2)));
    }
    case ExprTree::Kind::FunctionCall: {
      const auto& call = static_cast<const FunctionCall&>(expr);
      return std::make_shared<FunctionCall>(call.name(), copyAll(call.args()));
    }
    case ExprTree::Kind::List:
      return std::make_shared<ExprList>(copyAll(static_cast<const ExprList&>(expr).items()));
    case ExprTree::Kind::ClassAd: {
      auto ad = std::make_shared<ClassAd>();
      for (const auto& [name, e] : static_cast<const ClassAd&>(expr).attributes()) ad->insert(name, deepCopy(*e));
      return ad;
    }
  }
  return nullptr;
}

bool holdsScope(const ExprTree& expr) {
  switch (expr.kind()) {
    case ExprTree::Kind::Literal: return false;
    case ExprTree::Kind::AttrRef: {
      const auto& scope = static_cast<const AttrRef&>(expr).scope();
      return scope && holdsScope(*scope);
    }
    case ExprTree::Kind::Operation: {
      const auto& o = static_cast<const Operation&>(expr);
      for (size_t i = 0; i < 3; ++i) {
        if (o.arg(i) && holdsScope(*o.arg(i))) return true;
      }
      return false;
    }
    case ExprTree::Kind::FunctionCall: {
      const auto& args = static_cast<const FunctionCall&>(expr).args();
      return std::any_of(args.begin(), args.end(), [](const ExprPtr& a) { return holdsScope(*a); });
    }
    case ExprTree::Kind::List:
    case ExprTree::Kind::ClassAd: return true;
  }
  return true;
}

ExprPtr makeLiteral(const Value& v) {
  if (v.isList() || v.isClassAd()) return nullptr;
  // HTCondor reads the seconds into a time_t through an int.
  if (v.isRelTime()) return std::make_shared<Literal>(Value::relTime(static_cast<double>(relTimeWholeSeconds(v.asRelTime()))));
  return literalOf(v);
}

ExprPtr valueExpr(const Value& v) {
  if (v.isList()) return deepCopy(*v.asList());
  if (v.isClassAd()) return deepCopy(*v.asClassAd());
  return makeLiteral(v);
}

ExprPtr composeOperation(Op op, const ExprTree& a, const ExprTree* b) {
  return std::make_shared<Operation>(op, deepCopy(a), b ? deepCopy(*b) : nullptr);
}

}  // namespace htcondor::classad
