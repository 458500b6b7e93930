// The embind surface of the ClassAd engine: handles to expressions and ads, and their
// parse, print and evaluate operations. Values leave as typed JSON (classad/typed_json.hpp).
#include <emscripten/bind.h>

#include <memory>
#include <string>

#include "classad/classad.hpp"
#include "classad/eval.hpp"
#include "classad/parser.hpp"
#include "classad/typed_json.hpp"
#include "classad/unparse.hpp"

namespace {

using htcondor::classad::ClassAd;
using htcondor::classad::ExprPtr;

struct Expr {
  ExprPtr tree;
  std::string unparse() const { return htcondor::classad::unparse(*tree); }
  std::string pretty() const { return htcondor::classad::unparse(*tree, htcondor::classad::Style::Pretty); }
};

struct Ad {
  std::shared_ptr<ClassAd> ad;
  std::string unparse() const { return htcondor::classad::unparse(*ad); }
};

// {"ok": true, "expr": Expr} or {"ok": false, "error": "..."} through two calls keeps embind
// thin: parse returns null and lastParseError() tells why.
std::string lastError;

std::shared_ptr<Expr> parseExpr(const std::string& text) {
  ExprPtr tree = htcondor::classad::parseExpression(text, &lastError);
  return tree ? std::make_shared<Expr>(Expr{tree}) : nullptr;
}

std::shared_ptr<Ad> parseAd(const std::string& text) {
  htcondor::classad::Parser parser(text);
  auto ad = parser.parseClassAd(true);
  if (!ad) lastError = parser.error();
  return ad ? std::make_shared<Ad>(Ad{ad}) : nullptr;
}

std::string lastParseError() { return lastError; }

// Evaluates `expr` as an attribute of `scope`, paired with `target`; typed JSON of the value.
std::string evalExpr(const Expr& expr, const std::shared_ptr<Ad>& scope, const std::shared_ptr<Ad>& target) {
  const ClassAd* s = scope ? scope->ad.get() : nullptr;
  const ClassAd* t = target ? target->ad.get() : nullptr;
  htcondor::classad::Pairing pairing(s, t);
  auto value = htcondor::classad::evaluateIn(*expr.tree, s);
  return value ? htcondor::classad::typedJson(*value) : std::string("{\"t\": \"eval_fail\"}");
}

}  // namespace

EMSCRIPTEN_BINDINGS(htcondor_classad) {
  using namespace emscripten;
  class_<Expr>("ExprHandle")
      .smart_ptr<std::shared_ptr<Expr>>("ExprHandlePtr")
      .function("unparse", &Expr::unparse)
      .function("pretty", &Expr::pretty);
  class_<Ad>("AdHandle").smart_ptr<std::shared_ptr<Ad>>("AdHandlePtr").function("unparse", &Ad::unparse);
  function("parseExpr", &parseExpr);
  function("parseAd", &parseAd);
  function("lastParseError", &lastParseError);
  function("evalExpr", &evalExpr);
}
