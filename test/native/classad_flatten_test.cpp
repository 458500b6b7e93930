// Flattening, references, structural sameness and tree building, as HTCondor 23.9.6 does them
// (expected results checked against its Python bindings with `import htcondor`).
#include <doctest/doctest.h>

#include "classad/classad.hpp"
#include "classad/eval.hpp"
#include "classad/flatten.hpp"
#include "classad/parser.hpp"
#include "classad/references.hpp"
#include "classad/same_as.hpp"
#include "classad/tree_build.hpp"
#include "classad/typed_json.hpp"
#include "classad/unparse.hpp"

using namespace htcondor::classad;

namespace {

constexpr const char* kAd = "[a = 1; b = x + a; c = [q = 1]; rm = 2048; l = {1, 2}; s = \"a b\"]";

std::shared_ptr<ClassAd> ad(const char* text = kAd) {
  auto parsed = Parser(text).parseClassAd(true);
  REQUIRE(parsed);
  return parsed;
}

// The flattened expression's text, "value " and the value's text, or "fail".
std::string flat(const char* text, bool inlineRefs = false) {
  auto scope = ad();
  ExprPtr e = parseExpression(text);
  REQUIRE(e);
  Value v;
  ExprPtr tree;
  if (!flatten(*scope, *e, v, tree, inlineRefs)) return "fail";
  return tree ? unparse(*tree) : "value " + unparse(v);
}

std::string names(const References& refs) {
  std::string out;
  for (const auto& n : refs) out += (out.empty() ? "" : ",") + n;
  return out;
}

std::string external(const char* text) {
  References refs;
  if (!externalReferences(*ad(), *parseExpression(text), refs)) return "fail";
  return names(refs);
}

std::string internal(const char* text) {
  References refs;
  if (!internalReferences(*ad(), *parseExpression(text), refs)) return "fail";
  return names(refs);
}

bool same(const char* a, const char* b) { return sameAs(*parseExpression(a), *parseExpression(b)); }

}  // namespace

TEST_CASE("flatten replaces references by values and folds") {
  CHECK(flat("a + rm") == "value 2049");
  CHECK(flat("foo == a") == "foo == 1");
  CHECK(flat("a < x") == "1 < x");
  CHECK(flat("c.q") == "value 1");
  CHECK(flat(".a") == "value 1");
  CHECK(flat("-a") == "value -1");
  CHECK(flat("~a") == "value -2");
  CHECK(flat("!a") == "value false");
  CHECK(flat("a is 1") == "value true");
  CHECK(flat("undefined + 1") == "value undefined");
  CHECK(flat("strcat(a, \"x\")") == "value \"1x\"");
  CHECK(flat("real(a) + 0.5") == "value 1.500000000000000E+00");
  CHECK(flat("f(x)") == "value error");  // an unknown function
  CHECK(flat("eval(\"a + 1\")") == "value 2");
}

TEST_CASE("flatten keeps what is unknown, and references that do not come to a value") {
  CHECK(flat("b") == "b");
  CHECK(flat("c") == "c");
  CHECK(flat("l") == "l");
  CHECK(flat("y.z") == "y.z");
  CHECK(flat("x + y") == "x + y");
  CHECK(flat("-x") == " -x");
  CHECK(flat("(x + a)") == "(1 + x)");
  CHECK(flat("size(l)") == "size(l)");
  CHECK(flat("strcat(x, a)") == "strcat(x,1)");
  CHECK(flat("ifThenElse(x, a, y)") == "ifThenElse(x,1,y)");
  CHECK(flat("{a, x}") == "{ 1,x }");
  CHECK(flat("{a, x}[0]") == "{ 1,x }[0]");
  CHECK(flat("x is undefined") == "x is undefined");
  CHECK(flat("error + x") == "error + x");
  CHECK(flat("TARGET.x + a") == "1 + TARGET.x");
  // A nested ad's attributes are looked up in it, and this one has no parent.
  CHECK(flat("[p = a; r = x]") == "[ p = a; r = x ]");
}

TEST_CASE("flatten regroups associative operators as HTCondor does, value first") {
  CHECK(flat("x + a") == "1 + x");
  CHECK(flat("x + 1") == "1 + x");
  CHECK(flat("RequestMemory * 1024 * 1024") == "1048576 * RequestMemory");
  CHECK(flat("1 + 2 + x + 3") == "6 + x");
  CHECK(flat("x + (1 + 2)") == "3 + x");
  CHECK(flat("x * 3 * y * 4") == "12 * x * y");
  CHECK(flat("x * 2 + 3") == "2 * x + 3");
  CHECK(flat("2 + x * 3 + 4") == "4 + 2 + 3 * x");
  CHECK(flat("x & 3 & 5") == "1 & x");
  CHECK(flat("a - x - a") == "1 - x - 1");
  CHECK(flat("(a + 1) * x") == "2 * x");
  // HTCondor's combine drops the right side's value here.
  CHECK(flat("x + 1 + y * 2") == "1 + x + y");
}

TEST_CASE("flatten simplifies logical operators with one known side") {
  CHECK(flat("x || true") == "value true");
  CHECK(flat("x && false") == "value false");
  CHECK(flat("x || false") == "false || x");
  CHECK(flat("x && true") == "x");
  CHECK(flat("true && x") == "x");
  CHECK(flat("x && 1 && true") == "x");
  CHECK(flat("x && true && y") == "x && y");
  CHECK(flat("x && (true && y)") == "x && (y)");
  CHECK(flat("x || y || true") == "value true");
  // The known side, a number, is taken as a boolean from then on.
  CHECK(flat("x && a") == "x");
  CHECK(flat("!x && a") == " !x");
  CHECK(flat("x && y && a") == "x && y");
  CHECK(flat("0 || x") == "false || x");
}

TEST_CASE("flatten of the conditional operator") {
  CHECK(flat("a ? x : y") == "x");
  CHECK(flat("x ? a : 2") == "x ? 1 : 2");
  CHECK(flat("undefined ? a : x") == "undefined ? 1 : x");
  CHECK(flat("\"s\" ? x : y") == "value error");
  CHECK(flat("false ?: x") == "x");
  CHECK(flat("x ?: a") == "x ?: 1");
  CHECK(flat("true ?: x") == "fail");
  CHECK(flat("5 ?: x") == "fail");
}

TEST_CASE("flatten of values no literal holds") {
  CHECK(flat("splitTime(0)[\"Seconds\"]") == "value 0");
  CHECK(flat("splitTime(0).Seconds") == "value 0");
  CHECK(flat("x ? splitTime(0) : 1") == "x ?: 1");
  CHECK(flat("x ? 1 : splitTime(0)") == "fail");
  CHECK(flat("splitTime(0)[x]") == "fail");
  CHECK(flat("x + splitTime(0)") == "fail");
  CHECK(flat("{splitTime(0)}") == "fail");
  CHECK(flat("[k = splitTime(0)]") == "fail");
  CHECK(flat("x - splitTime(0)") == "value undefined");
}

TEST_CASE("flatten and inline replaces references by their flattened expressions") {
  CHECK(flat("b", true) == "1 + x");
  CHECK(flat("b + 1", true) == "1 + 1 + x");
  CHECK(flat("a", true) == "value 1");
}

TEST_CASE("flatten fails on circular references") {
  auto circular = ad("[a = b; b = a]");
  Value v;
  ExprPtr tree;
  CHECK_FALSE(flatten(*circular, *parseExpression("a"), v, tree));
}

TEST_CASE("external and internal references") {
  CHECK(external("x + a + TARGET.y + c.q + c.w + b") == "TARGET.y,w,x");
  CHECK(internal("x + a + TARGET.y + c.q + c.w + b") == "a,b,c");
  CHECK(external("foo =?= a") == "foo");
  CHECK(internal("foo =?= a") == "a");
  CHECK(external("x.y + a") == "x.y");
  CHECK(external("[k = a; m = zz]") == "zz");
  CHECK(internal("[k = a; m = zz]") == "a");
  CHECK(external("parent.zz") == "'parent'.zz");
  CHECK(internal("parent.zz") == "");
  CHECK(external("my.zz") == "zz");
  CHECK(external("undefined.x") == "undefined.x");
  CHECK(internal("l[0] + z") == "l");
  CHECK(external("l.zz") == "fail");
}

TEST_CASE("sameAs compares trees") {
  CHECK(same("x + 1", "x+1"));
  CHECK_FALSE(same("(x + 1)", "x + 1"));
  CHECK_FALSE(same("1.0", "1"));
  CHECK(same("1.0", "1.0"));
  CHECK(same("real(\"NaN\")", "real(\"NaN\")"));  // a call, not a literal
  CHECK_FALSE(same("X", "x"));  // names compared with case
  CHECK(same("[a = 1; B = {1, y}]", "[b = {1, y}; A = 1]"));
  CHECK_FALSE(same("[a = 1]", "[a = 1; b = 2]"));
  CHECK(same("f(1, \"a\")", "f(1,\"a\")"));
  CHECK_FALSE(same("f(1)", "F(1)"));
  CHECK(same("x ?: y", "x ?: y"));
  CHECK_FALSE(same("x ?: y", "x ? x : y"));
  CHECK(same(".a", ".a"));
  CHECK_FALSE(same(".a", "a"));
  CHECK(same("a.b", "a.b"));
}

TEST_CASE("deepCopy shares nothing with the original") {
  auto scope = ad();
  ExprPtr original = scope->lookup("b");
  ExprPtr copy = deepCopy(*original);
  CHECK(sameAs(*original, *copy));
  CHECK(copy.get() != original.get());
  CHECK(copy->parentScope() == nullptr);
  CHECK(original->parentScope() == scope.get());
  auto other = ad("[x = 10]");
  other->insert("b", copy);
  CHECK(original->parentScope() == scope.get());
  CHECK(static_cast<const Operation&>(*original).arg(0)->parentScope() == scope.get());
  CHECK(unparse(*evaluateAttr(*other, "b")) == "undefined");
}

TEST_CASE("composeOperation builds a node over copies") {
  ExprPtr a = parseExpression("a");
  ExprPtr b = parseExpression("b || c");
  ExprPtr both = composeOperation(Op::LogicalAnd, *a, b.get());
  CHECK(unparse(*both) == "a && b || c");
  CHECK(static_cast<const Operation&>(*both).arg(1).get() != b.get());
  CHECK(unparse(*composeOperation(Op::LogicalNot, *a, nullptr)) == " !a");
  CHECK(unparse(*evaluateIn(*composeOperation(Op::Add, *parseExpression("1"), parseExpression("2").get()), nullptr)) ==
        "3");
}

TEST_CASE("makeLiteral and valueExpr") {
  CHECK(makeLiteral(Value::list(std::make_shared<ExprList>(std::vector<ExprPtr>{}))) == nullptr);
  CHECK(unparse(*makeLiteral(Value::relTime(5.7))) == "relTime(\"05\")");
  CHECK(unparse(*valueExpr(*evaluateIn(*parseExpression("{1, 1 + 1}"), nullptr))) == "{ 1,1 + 1 }");
  CHECK(unparse(*valueExpr(Value::integer(3))) == "3");
}
