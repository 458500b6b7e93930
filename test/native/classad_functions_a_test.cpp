// Unit tests for the string, list, math, conversion and misc built-in functions.
#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <string>

#include "classad/eval.hpp"
#include "classad/parser.hpp"
#include "classad/unparse.hpp"

namespace {

using htcondor::classad::ClassAd;
using htcondor::classad::Value;

// The value of `text` evaluated in `scope` (an ad's text, or none); fails the test on a parse error.
Value eval(const std::string& text, const std::string& scope = "") {
  auto expr = htcondor::classad::parseExpression(text);
  REQUIRE(expr);
  std::shared_ptr<ClassAd> ad;
  if (!scope.empty()) {
    htcondor::classad::Parser parser(scope);
    ad = parser.parseClassAd(true);
    REQUIRE(ad);
  }
  auto v = htcondor::classad::evaluateIn(*expr, ad.get());
  REQUIRE(v);
  return *v;
}

std::string str(const std::string& text, const std::string& scope = "") {
  const Value v = eval(text, scope);
  REQUIRE(v.isString());
  return v.asString();
}

int64_t integer(const std::string& text) {
  const Value v = eval(text);
  REQUIRE(v.isInteger());
  return v.asInteger();
}

bool boolean(const std::string& text) {
  const Value v = eval(text);
  REQUIRE(v.isBoolean());
  return v.asBoolean();
}

std::string listText(const std::string& text) {
  const Value v = eval(text);
  REQUIRE(v.isList());
  return htcondor::classad::unparse(v);
}

constexpr int64_t kMin = std::numeric_limits<int64_t>::min();

}  // namespace

TEST_CASE("string functions") {
  CHECK(str("strcat(\"a\", 1, 1.5, true)") == "a11.500000000000000E+00true");
  CHECK(eval("strcat(\"a\", undefined)").isUndefined());
  CHECK(eval("strcat(\"a\", error)").isError());
  CHECK(str("join(\",\", 1, undefined, 2)") == "1,2");
  CHECK(str("join(\";\", split(\"a b c\"))") == "a;b;c");
  CHECK(eval("join(\",\", undefined)").isUndefined());
  CHECK(str("toUpper(\"h\\303\\251llo\")") == "H\303\251LLO");
  CHECK(str("toLower(1.5)") == "1.500000000000000e+00");
  CHECK(eval("toLower()").isError());
  CHECK(str("substr(\"abcdef\", -3, -1)") == "de");
  CHECK(str("substr(\"abcdef\", 1, 0)").empty());
  CHECK(str("substr(\"abcdef\", 4294967296, 3)") == "abc");  // offset read as an int
  CHECK(eval("substr(\"abcdef\", 1.9)").isError());
  CHECK(integer("strcmp(\"a\", \"A\")") == 1);
  CHECK(integer("stricmp(\"a\", \"A\")") == 0);
  CHECK(eval("strcmp(\"a\")").isError());
}

TEST_CASE("version comparisons") {
  CHECK(integer("versioncmp(\"1\", \"1.0\")") == -46);
  CHECK(integer("versioncmp(\"000\", \"00\")") == -1);
  CHECK(boolean("versionLT(\"1.9\", \"1.10\")"));
  CHECK(eval("versionlt(\"1.9\", \"1.10\")").isError());  // the predicates are case-sensitive
  CHECK(boolean("version_in_range(\"1.10\", \"1.9\", \"1.11\")"));
  CHECK(eval("version_in_range(undefined, \"1\", \"2\")").isError());
  CHECK(eval("version_in_range(\"1\", undefined, \"2\")").isUndefined());
}

TEST_CASE("split functions") {
  CHECK(listText("split(\"a--b\", \"-\")") == "{ \"a\",\"\",\"b\" }");
  CHECK(listText("split(\"  a , b  \")") == "{ \"a\",\"b\" }");
  CHECK(eval("split(1)").isError());
  CHECK(listText("splitUserName(\"user\")") == "{ \"user\",\"\" }");
  CHECK(listText("splitSlotName(\"host\")") == "{ \"\",\"host\" }");
  CHECK(listText("splitSlotName(\"a@b@c\")") == "{ \"a\",\"b@c\" }");
}

TEST_CASE("list functions") {
  CHECK(boolean("member(2.0, {1,2,3})"));
  CHECK_FALSE(boolean("identicalMember(2.0, {1,2,3})"));
  CHECK(eval("member(1, 1)").isError());
  CHECK(integer("size(\"h\\303\\251\")") == 3);
  CHECK(eval("size(1.5)").isError());
  CHECK(integer("sum({9223372036854775807, 1})") == kMin);
  CHECK(integer("avg({undefined})") == 0);  // HTCondor returns the empty sum
  CHECK(eval("avg({1, 2})").asReal() == 1.5);
  CHECK(integer("min({true, false})") == 0);  // booleans promoted by the comparison
  CHECK(eval("max({})").isUndefined());
  CHECK(eval("sum({1, \"a\"})").isError());
  CHECK(boolean("anyCompare(\"<\", {1,2,3}, 2)"));
  CHECK_FALSE(boolean("anyCompare(\">\", {undefined, 1}, 1)"));  // undefined ends the walk
  CHECK(eval("anyCompare(\"!=\", {1, error}, 1)").isError());
  CHECK(eval("allCompare(\"IS\", {1}, 1)").isError());
  CHECK(listText("evalInEachContext(x > 1, {[x=1],[x=2]})") == "{ false,true }");
  CHECK(integer("countMatches(x > 1, {[x=1],[x=2],5})") == 1);
  CHECK(integer("countMatches(x, undefined)") == 0);
  CHECK(eval("evalInEachContext(x, 1)").isError());
  CHECK(integer("size(evalInEachContext(x, {[x={1,2}]})[0])") == 2);  // copies still evaluate
  CHECK(listText("evalInEachContext(x, {[x={1}], [x=[a=1]]})") == "{ { 1 },[ a = 1 ] }");
  CHECK(eval("substr(\"abc\", undefined)").isUndefined());
  CHECK(eval("strcmp(\"a\")").isError());
}

TEST_CASE("math functions") {
  CHECK(integer("floor(-2.5)") == -3);
  CHECK(integer("ceiling(\"2.5\")") == 3);
  CHECK(integer("round(2.5)") == 2);  // ties to even
  CHECK(integer("floor(real(\"NaN\"))") == kMin);
  CHECK(eval("floor(undefined)").isError());
  CHECK(eval("round()").isError());
  CHECK(integer("pow(-2, 3)") == -7);  // HTCondor adds 0.5 before truncating
  CHECK(eval("pow(2, -1)").asReal() == 0.5);
  CHECK(integer("pow(2, 63)") == kMin);
  CHECK(integer("quantize(9, 8)") == 16);
  CHECK(integer("quantize(11, {10, 5})") == 15);
  CHECK(eval("quantize(3.0, 2)").asReal() == 4.0);
  CHECK(eval("quantize(3, {1, 2, \"A\"})").isError());
  CHECK(eval("random(10)").isInteger());
  CHECK(eval("random()").isReal());
  CHECK(eval("random(\"x\")").isError());
  CHECK_FALSE(htcondor::classad::evaluateIn(*htcondor::classad::parseExpression("random(0)"), nullptr));
}

TEST_CASE("conversion functions") {
  CHECK(integer("int(\"1e3\")") == 1000);
  CHECK(integer("int(1e19)") == kMin);
  CHECK(integer("int(relTime(-1.9))") == -1);
  CHECK(eval("int(undefined)").isUndefined());
  CHECK(eval("int({1})").isError());
  CHECK(eval("real(\"abc\")").isError());
  CHECK(eval("real(\" 0x10\")").asReal() == 16.0);
  CHECK(str("string(relTime(-1.5))") == "-01");
  CHECK(str("string({x, 1+2})") == "{ x,1 + 2 }");
  CHECK(boolean("bool(\"TRUE\")"));
  CHECK(eval("bool(\"yes\")").isUndefined());
  CHECK(eval("bool(absTime(0))").isError());
  CHECK(eval("bool()").isError());
}

TEST_CASE("misc functions") {
  const std::string ad = "[ x = 41; name = \"x\"; a = b + c + d; b = 1; req = TARGET.Arch == \"ARM\" && Cpus > 1 ]";
  CHECK(integer("ifThenElse(0.5, 1, 1/0)") == 1);
  CHECK(eval("ifThenElse(\"true\", 1, 2)").isError());
  CHECK(eval("ifThenElse(x, 1, 2)").isUndefined());
  CHECK(eval("ifThenElse(true, 1)").isError());
  CHECK(eval("eval(strcat(name, \" + 1\"))", ad).asInteger() == 42);
  CHECK(eval("eval(\"1 +\")").isError());
  CHECK(eval("eval()").isError());
  CHECK(str("unparse(a)", ad) == "b + c + d");
  CHECK(str("unparse(missing)", ad).empty());
  CHECK(eval("unparse(1)").isError());
  CHECK(str("unresolved(a)", ad) == "c,d");
  CHECK(str("unresolved(req)", ad) == "Cpus,Arch");  // sorted before TARGET. is dropped
  CHECK(eval("unresolved(req, \"(?i)^arch$\")", ad).asBoolean());
  CHECK(eval("unresolved(a, \"(\")", ad).isError());
  CHECK(eval("unresolved(missing)", ad).isUndefined());
  CHECK(eval("unresolved(1)").isError());
  CHECK(eval("debug(1 + 2)").asInteger() == 3);
  CHECK(eval("debug()").isError());
}
