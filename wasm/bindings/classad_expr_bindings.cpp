// The embind surface for working on expressions as trees (the classad module's
// ClassAd.get/flatten/externalRefs/internalRefs and ExprTree.simplify/sameAs/operators).
#include <emscripten/bind.h>

#include <memory>
#include <string>

#include "classad/flatten.hpp"
#include "classad/matchmaking.hpp"
#include "classad/references.hpp"
#include "classad/same_as.hpp"
#include "classad/tree_build.hpp"
#include "classad/typed_json.hpp"
#include "handles.hpp"

namespace {

using emscripten::val;
using htcondor::bindings::Ad;
using htcondor::bindings::Expr;
using htcondor::classad::Op;

val exprVal(htcondor::classad::ExprPtr tree) { return val(std::make_shared<Expr>(Expr{std::move(tree)})); }

// `expr` flattened in `ad`: an ExprHandle, or the typed JSON of the value it came to; null when
// flattening failed.
val flattenExpr(const Ad& ad, const Expr& expr) {
  htcondor::classad::Value value;
  htcondor::classad::ExprPtr tree;
  if (!htcondor::classad::flatten(*ad.ad, *expr.tree, value, tree)) return val::null();
  return tree ? exprVal(tree) : val(htcondor::classad::typedJson(value));
}

val namesVal(const htcondor::classad::References& refs) {
  val names = val::array();
  for (const std::string& name : refs) names.call<void>("push", name);
  return names;
}

// The attribute names, or null when the walk failed.
val externalRefs(const Ad& ad, const Expr& expr) {
  htcondor::classad::References refs;
  return htcondor::classad::externalReferences(*ad.ad, *expr.tree, refs) ? namesVal(refs) : val::null();
}

val internalRefs(const Ad& ad, const Expr& expr) {
  htcondor::classad::References refs;
  return htcondor::classad::internalReferences(*ad.ad, *expr.tree, refs) ? namesVal(refs) : val::null();
}

// ClassAd.get(): the typed JSON of the value of the literal bound to `name`, null when the
// expression is not a literal, undefined when there is none. A literal, the common case, so
// crosses without a handle for its expression.
val adLiteral(const Ad& ad, const std::string& name) {
  auto tree = ad.ad->lookup(name);
  if (!tree) return val::undefined();
  if (tree->kind() != htcondor::classad::ExprTree::Kind::Literal) return val::null();
  return val(htcondor::classad::typedJson(static_cast<const htcondor::classad::Literal&>(*tree).evaluated()));
}

// adLiteral of ad `i` of a run, which has no handle of its own; undefined once it left the run.
val runLiteral(const htcondor::bindings::AdRun& run, std::size_t i, const std::string& name) {
  const Ad* ad = run.at(i);
  return ad ? adLiteral(*ad, name) : val::undefined();
}

bool sameAs(const Expr& a, const Expr& b) { return htcondor::classad::sameAs(*a.tree, *b.tree); }

// `a op b`, or `op a` when `b` is null.
std::shared_ptr<Expr> composeExpr(Op op, const Expr& a, const std::shared_ptr<Expr>& b) {
  return std::make_shared<Expr>(Expr{htcondor::classad::composeOperation(op, *a.tree, b ? b->tree.get() : nullptr)});
}

// `expr` evaluated (as evalExpr) and given back as an expression; null on evaluation failure.
val simplifyExpr(const Expr& expr, const std::shared_ptr<Ad>& scope, const std::shared_ptr<Ad>& target) {
  htcondor::classad::LooseEvaluation evaluation(*expr.tree, expr.scope(scope), target ? target->ad.get() : nullptr);
  const auto& value = evaluation.value();
  return value ? exprVal(htcondor::classad::valueExpr(*value)) : val::null();
}

}  // namespace

EMSCRIPTEN_BINDINGS(htcondor_classad_expr) {
  using emscripten::function;
  emscripten::enum_<Op>("Op")
      .value("LessThan", Op::LessThan)
      .value("LessOrEqual", Op::LessOrEqual)
      .value("NotEqual", Op::NotEqual)
      .value("Equal", Op::Equal)
      .value("MetaEqual", Op::MetaEqual)
      .value("MetaNotEqual", Op::MetaNotEqual)
      .value("GreaterOrEqual", Op::GreaterOrEqual)
      .value("GreaterThan", Op::GreaterThan)
      .value("UnaryPlus", Op::UnaryPlus)
      .value("UnaryMinus", Op::UnaryMinus)
      .value("Add", Op::Add)
      .value("Subtract", Op::Subtract)
      .value("Multiply", Op::Multiply)
      .value("Divide", Op::Divide)
      .value("Modulus", Op::Modulus)
      .value("LogicalNot", Op::LogicalNot)
      .value("LogicalOr", Op::LogicalOr)
      .value("LogicalAnd", Op::LogicalAnd)
      .value("BitwiseNot", Op::BitwiseNot)
      .value("BitwiseOr", Op::BitwiseOr)
      .value("BitwiseXor", Op::BitwiseXor)
      .value("BitwiseAnd", Op::BitwiseAnd)
      .value("LeftShift", Op::LeftShift)
      .value("RightShift", Op::RightShift)
      .value("URightShift", Op::URightShift)
      .value("Parentheses", Op::Parentheses)
      .value("Subscript", Op::Subscript);
  function("flattenExpr", &flattenExpr);
  function("externalRefs", &externalRefs);
  function("internalRefs", &internalRefs);
  function("sameAs", &sameAs);
  function("adLiteral", &adLiteral);
  function("runLiteral", &runLiteral);
  function("composeExpr", &composeExpr);
  function("simplifyExpr", &simplifyExpr);
}
