// The ClassAd core: lexing quirks, parse trees as unparsed, evaluation rules and scoping.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "classad/classad.hpp"
#include "classad/eval.hpp"
#include "classad/parser.hpp"
#include "classad/typed_json.hpp"
#include "classad/unparse.hpp"

using namespace htcondor::classad;

namespace {

std::string roundTrip(const char* text) {
  ExprPtr e = parseExpression(text);
  return e ? unparse(*e) : "<parse error>";
}

Value eval(const char* text, const char* scope = nullptr) {
  ExprPtr e = parseExpression(text);
  REQUIRE(e);
  std::shared_ptr<ClassAd> ad;
  if (scope) {
    Parser p(scope);
    ad = p.parseClassAd(true);
    REQUIRE(ad);
  }
  auto v = evaluateIn(*e, ad.get());
  REQUIRE(v);
  return *v;
}

}  // namespace

TEST_CASE("unparse follows HTCondor's spacing and spelling") {
  CHECK(roundTrip("a*-b") == "a *  -b");
  CHECK(roundTrip("x =?= 8") == "x is 8");
  CHECK(roundTrip("{1+2, x}") == "{ 1 + 2,x }");
  CHECK(roundTrip("[b = 2; a = 1]") == "[ a = 1; b = 2 ]");
  CHECK(roundTrip("1.5") == "1.500000000000000E+00");
  CHECK(roundTrip("'parent'.x") == "'parent'.x");
  CHECK(roundTrip("a ?: b") == "a ?: b");
  CHECK(roundTrip("relTime(\" 42 \")") == "relTime(\"42\")");
}

TEST_CASE("the lexer rejects what HTCondor's old-ClassAd lexer rejects") {
  CHECK(roundTrip("007") == "<parse error>");
  CHECK(roundTrip("0x1F") == "<parse error>");
  CHECK(roundTrip("1.") == "<parse error>");
  CHECK(roundTrip("\"unterminated") == "<parse error>");
  CHECK(roundTrip("f(1,)") == "<parse error>");
  CHECK(roundTrip("-7") == "-7");
}

TEST_CASE("three-valued logic and strictness") {
  CHECK(eval("false && error").asBoolean() == false);
  CHECK(eval("true || error").asBoolean() == true);
  CHECK(eval("undefined && false").asBoolean() == false);
  CHECK(eval("undefined || true").asBoolean() == true);
  CHECK(eval("undefined && true").isUndefined());
  CHECK(eval("error && true").isError());
  CHECK(eval("1 + undefined").isUndefined());
  CHECK(eval("undefined =?= undefined").asBoolean());
  CHECK(eval("\"ABC\" == \"abc\"").asBoolean());
  CHECK_FALSE(eval("\"ABC\" =?= \"abc\"").asBoolean());
}

TEST_CASE("integer arithmetic wraps and divides as x86-64 does") {
  CHECK(eval("9223372036854775807 + 1").asInteger() == INT64_MIN);
  CHECK(eval("-9223372036854775807 - 1 / -1").isInteger());
  CHECK(eval("1 / 0").isError());
  CHECK(eval("1 << 64").asInteger() == 1);
  CHECK(eval("7 % -3").asInteger() == 1);
  CHECK(eval("1.0 / 0").isError());  // +infinity is rejected
}

TEST_CASE("scoping: parent, MY, nested ads, circular references") {
  const char* scope = "[ A = 1; N = [ A = 10; X = A; Y = parent.A ]; Self = Self + 1 ]";
  CHECK(eval("N.X", scope).asInteger() == 10);
  CHECK(eval("N.Y", scope).asInteger() == 1);
  CHECK(eval("MY.A", scope).asInteger() == 1);
  CHECK(eval("Missing", scope).isUndefined());
  ExprPtr loop = parseExpression("Self");
  Parser p(scope);
  auto ad = p.parseClassAd(true);
  CHECK_FALSE(evaluateIn(*loop, ad.get()));  // an evaluation failure, not a value
}

TEST_CASE("TARGET and the old-ClassAd fallback to the paired ad") {
  Parser pj("[ Memory = 1024; Req = TARGET.Memory >= Memory; Ref = OnlyTheirs ]");
  Parser pm("[ Memory = 2048; OnlyTheirs = 9 ]");
  auto job = pj.parseClassAd(true);
  auto machine = pm.parseClassAd(true);
  Pairing pairing(job.get(), machine.get());
  CHECK(evaluateAttr(*job, "Req")->asBoolean());
  CHECK(evaluateAttr(*job, "Ref")->asInteger() == 9);
}

TEST_CASE("a paired ad sits in a match ad, as HTCondor's MatchClassAd places it") {
  Parser pj("[ Requirements = true; P = parent; S = string(parent); Theirs = other.Memory; Rank = symmetricMatch ]");
  Parser pm("[ Memory = 2048; Requirements = MY.Memory > 1000 ]");
  auto job = pj.parseClassAd(true);
  auto machine = pm.parseClassAd(true);
  {
    Pairing pairing(job.get(), machine.get());
    CHECK(evaluateAttr(*job, "P")->isClassAd());  // the context ad, not undefined
    CHECK(evaluateAttr(*job, "S")->asString() == "[ ad = .LEFT; my = .LEFT; other = .RIGHT; target = .RIGHT ]");
    CHECK(evaluateAttr(*job, "Theirs")->asInteger() == 2048);
    CHECK(evaluateAttr(*job, "Rank")->asBoolean());
  }
  CHECK(job->parentScope() == nullptr);  // restored when the pairing ends
  CHECK(evaluateAttr(*job, "P")->isUndefined());
}

TEST_CASE("typed JSON sees copied lists and ads empty and relative times through a C int") {
  const auto json = [](const char* text, const char* scope = nullptr) {
    ExprPtr e = parseExpression(text);
    REQUIRE(e);
    std::shared_ptr<ClassAd> ad;
    if (scope) ad = Parser(scope).parseClassAd(true);
    auto v = evaluateIn(*e, ad.get());
    REQUIRE(v);
    return typedJson(*v);
  };
  // evalInEachContext copies the lists and ads it collects.
  CHECK(json("evalInEachContext(x, {[x={1}]})").find("\"size\": 0, \"items\": []") != std::string::npos);
  // A literal list inside a list copied out of an attribute.
  CHECK(json("[ a = { {1} } ]").find("\"size\": 0, \"items\": []") != std::string::npos);
  // ... but a top-level list keeps its nested lists, and a function's list is not a copy.
  CHECK(json("{ {1} }").find("\"size\": 0") == std::string::npos);
  CHECK(json("[ a = { split(\"x y\") } ]").find("\"size\": 0") == std::string::npos);
  CHECK(json("relTime(real(\"NaN\"))").find("\"str\": \"--24855+-3:-14:-8\"") != std::string::npos);
  CHECK(json("relTime(-1.5)").find("\"unparse\": \"relTime(\\\"-01\\\")\"") != std::string::npos);
}

TEST_CASE("attributes inserted in any order read back sorted; a rebinding keeps the first spelling") {
  ClassAd ad;
  const auto lit = [](int64_t v) { return std::make_shared<Literal>(Value::integer(v)); };
  // Out of order (the schedd's hash order), a rebinding in another case, an erase in between.
  ad.insert("Zeta", lit(1));
  ad.insert("b", lit(2));
  ad.insert("Alpha", lit(3));
  CHECK(ad.lookup("ZETA") != nullptr);
  ad.insert("B", lit(4));
  ad.insert("ALPHA", lit(5));
  CHECK(ad.erase("zeta"));
  CHECK_FALSE(ad.erase("zeta"));
  ad.insert("c", lit(6));
  REQUIRE(ad.size() == 3);
  std::vector<std::string> names;
  for (const auto& [name, expr] : ad.attributes()) names.push_back(name);
  CHECK(names == std::vector<std::string>{"b", "c", "Alpha"});
  CHECK(static_cast<const Literal&>(*ad.lookup("b")).value().asInteger() == 4);
  CHECK(static_cast<const Literal&>(*ad.lookup("alpha")).value().asInteger() == 5);

  // A big ad built backwards: every name found, each once.
  ClassAd big;
  for (int i = 100000; i > 0; --i) big.insert("A" + std::to_string(i), lit(i));
  big.insert("a77", lit(-1));
  CHECK(big.size() == 100000);
  CHECK(static_cast<const Literal&>(*big.lookup("A77")).value().asInteger() == -1);
  CHECK(static_cast<const Literal&>(*big.lookup("a99999")).value().asInteger() == 99999);
}
