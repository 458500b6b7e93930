// Built-in functions: time, regexp, string-list, environment and system families.
#include <doctest/doctest.h>

#include <string>

#include "classad/eval.hpp"
#include "classad/expr.hpp"
#include "classad/parser.hpp"

namespace {

using htcondor::classad::EvalState;
using htcondor::classad::Value;

// The value of `text` evaluated outside any ad; an evaluation failure is reported as nullopt.
std::optional<Value> eval(const std::string& text) {
  std::string error;
  const auto expr = htcondor::classad::parseExpression(text, &error);
  REQUIRE_MESSAGE(expr, text << ": " << error);
  EvalState state;
  Value v;
  if (!htcondor::classad::evaluate(*expr, state, v)) return std::nullopt;
  return v;
}

Value value(const std::string& text) {
  auto v = eval(text);
  REQUIRE_MESSAGE(v, text << " failed to evaluate");
  return *v;
}

bool isError(const std::string& text) { return value(text).isError(); }
bool isUndefined(const std::string& text) { return value(text).isUndefined(); }

std::string str(const std::string& text) {
  const Value v = value(text);
  REQUIRE_MESSAGE(v.isString(), text << " is not a string");
  return v.asString();
}

int64_t integer(const std::string& text) {
  const Value v = value(text);
  REQUIRE_MESSAGE(v.isInteger(), text << " is not an integer");
  return v.asInteger();
}

bool boolean(const std::string& text) {
  const Value v = value(text);
  REQUIRE_MESSAGE(v.isBoolean(), text << " is not a boolean");
  return v.asBoolean();
}

}  // namespace

TEST_CASE("time functions read fields in UTC and truncate to C ints as HTCondor does") {
  CHECK(integer("getYear(absTime(1700000000))") == 2023);
  CHECK(integer("getDayOfYear(absTime(951782400))") == 59);
  CHECK(integer("getYear(absTime(4102444800))") == 1963);  // seconds read as a 32-bit int
  CHECK(integer("getHours(relTime(-90061))") == -1);
  CHECK(integer("getDayOfMonth(absTime(86400, -18000))") == 2);  // the offset is ignored
  CHECK(isError("getYear(relTime(100))"));
  CHECK(isError("getDays(absTime(0))"));
  CHECK(isError("getYear()"));
  CHECK(isError("getYear(1700000000)"));
  CHECK(value("absTime(0, 3600)").asAbsTime().offset == 3600);
  CHECK(str("absTime(\"1e3\", 3600)") == "1e3");  // a non-literal string passes through
  CHECK(value("relTime(90)").asRelTime() == 90.0);
  CHECK(isError("relTime(90, 1)"));
  CHECK_FALSE(eval("absTime(0, -1)"));  // an explicit -1 offset fails the evaluation
  CHECK(value("time()").isInteger());
  CHECK(isError("time(1)"));
  CHECK(value("timeZoneOffset()").asRelTime() == 0.0);
}

TEST_CASE("splitTime, formatTime and interval") {
  CHECK(integer("splitTime(absTime(1700000000, 3600)).Hours") == 23);
  CHECK(integer("splitTime(relTime(-90061.5)).Days") == -1);
  CHECK(value("splitTime(relTime(-1.5)).Seconds").asReal() == -1.5);
  CHECK(isUndefined("splitTime(undefined)"));
  CHECK(isError("splitTime(\"x\")"));
  CHECK(str("formatTime(1700000000)") == "Tue Nov 14 22:13:20 2023");
  CHECK(str("formatTime(951782400, \"%A %j %U %V %G %k|%e|%5Y|%-d|%_3m\")") ==
        "Tuesday 060 09 09 2000  0|29|02000|29|  2");
  CHECK(str("formatTime(1700000000, \"%Q%^a%#Z%z%\")") == "%QTUEutc+0000%");
  CHECK(str("formatTime([], \"%Y-%m-%d\")") == "1900-01-00");
  CHECK(isError("formatTime(relTime(60))"));
  CHECK(isError("formatTime(1, 2)"));
  CHECK(isError("formatTime(1, \"%Y\", 3)"));
  CHECK(str("interval(90061)") == "1+01:01:01");
  CHECK(str("interval(-90061)") == "-1+01:01:01");
  CHECK(str("interval(1e308)") == "0");
  CHECK(str("interval(\"1.5\")") == "1");
  CHECK(isError("interval({})"));
}

TEST_CASE("regexp functions follow PCRE2 and HTCondor's option letters") {
  CHECK(boolean("regexp(\"\\\\bfoo\\\\b\", \"a foo b\")"));
  CHECK(boolean("regexp(\"a(?=b)\", \"ab\")"));  // Perl syntax, not POSIX
  CHECK_FALSE(boolean("regexp(\"^abc$\", \"ABC\", \"I\")"));  // option letters are lower case
  CHECK(boolean("regexp(\"^abc$\", \"ABC\", \"i\")"));
  CHECK(isError("regexp(\"[a-\", \"abc\")"));
  CHECK(isUndefined("regexp(\"a\", undefined)"));
  CHECK(isError("regexp(\"a\")"));
  CHECK(str("regexps(\"(a)(b)\", \"xaby\", \"\\\\2\\\\1\")") == "ba");
  CHECK(str("replace(\"b+\", \"abbcbb\", \"X\")") == "aXcbb");
  CHECK(str("replaceAll(\"b+\", \"abbcbb\", \"<\\\\0>\")") == "a<bb>c<bb>");
  CHECK(isError("replaceAll(\"a*\", \"baaac\", \"X\")"));  // HTCondor's loop runs past the end
  CHECK(isError("regexps(\"(a)\", \"a\", \"\\\\9\")"));
  CHECK(isUndefined("regexpMember(\"^a\", {\"b\", x})"));
  CHECK_FALSE(boolean("regexpMember(\"(\", {\"a\"})"));
  CHECK(boolean("stringList_regexpMember(\"^B\", \"a,bc\", \",\", \"I\")"));
  CHECK(isError("stringList_regexpMember(\"a\", undefined)"));
  // The exceptional arguments: error before undefined, then the options must be a string.
  CHECK(isError("regexp(undefined, error)"));
  CHECK(isUndefined("replace(\"a\", \"b\", undefined, 5)"));
  CHECK(isError("regexp(\"a\", \"a\", 5)"));
  CHECK(isError("regexpMember(\"a\", \"a\")"));
}

TEST_CASE("a wrong arity is an error value, a failing argument an evaluation failure") {
  CHECK(isError("stringListsIntersect(\"a\")"));
  CHECK(isError("stringListsIntersect(\"a\", error)"));
  CHECK(isUndefined("stringListsIntersect(\"a\", undefined)"));
  CHECK(isError("stringListSize()"));
  CHECK(isError("listToArgs({\"a\"}, 3)"));
  CHECK(isError("userMap(\"m\")"));
  CHECK_FALSE(eval("[ c = stringListSize(c) ].c"));   // circular: a failure, not a value
  CHECK_FALSE(eval("[ c = listToArgs(c, 1) ].c"));
  CHECK_FALSE(eval("[ c = regexp(\"a\", c) ].c"));
}

TEST_CASE("string-list functions split, trim and summarize as HTCondor does") {
  CHECK(integer("stringListSize(\"a, b c\")") == 3);
  CHECK(integer("stringListSize(\",a,\")") == 1);
  CHECK(isError("stringListSize(\"a\", undefined)"));
  CHECK(integer("stringListSum(\"1,2,3\")") == 6);
  CHECK(value("stringListSum(\"1;2\")").asReal() == 1.0);
  CHECK(integer("stringListAvg(\"1,,2\")") == 1);
  CHECK(integer("stringListMax(\"-1,-2\")") == 0);  // starts from FLT_MIN
  CHECK(isUndefined("stringListMax(\"\")"));
  CHECK(isError("stringListMin(\"a\")"));
  CHECK(boolean("stringListMember(\"b\", \"a, b\")"));
  CHECK_FALSE(boolean("stringListMember(\"B\", \"a,b\")"));
  CHECK(boolean("stringListIMember(\"B\", \"a,b\", undefined)"));
  CHECK(isUndefined("stringListSubsetMatch(undefined, undefined)"));
  CHECK(boolean("stringListISubsetMatch(\"A,b\", \"a,B,c\")"));
  CHECK_FALSE(boolean("stringListSubsetMatch(\"a;b\", \"a;b;c\", \",\")"));
  CHECK(boolean("stringListsIntersect(\"x y\", \"y z\")"));
  CHECK(isUndefined("stringListsIntersect(\"a\", undefined)"));
  CHECK(isError("stringListsIntersect(\"a\")"));
}

TEST_CASE("environment and argument syntaxes") {
  CHECK(str("envV1ToV2(\"B=x;A=1 2\")") == "A=1' '2 B=x");
  CHECK(str("envV1ToV2(\"A=it's\")") == "A=it''''s");
  CHECK(isError("envV1ToV2(\"=1\")"));
  CHECK(isUndefined("envV1ToV2(undefined)"));
  CHECK(isError("envV1ToV2(\"A=1\", 1)"));
  CHECK(str("mergeEnvironment(\"A=1 B=2\", undefined, \"A=3\")") == "A=3 B=2");
  CHECK(isError("mergeEnvironment(\"bad ' quote\")"));
  CHECK(str("listToArgs({\"a b\", \"\", \"c\"})") == "a' 'b '' c");
  CHECK(isError("listToArgs({\"a b\"}, 1)"));
  CHECK(isError("listToArgs({\"a\", 1})"));
  const Value list = value("argsToList(\"a 'b c' ''\")");
  REQUIRE(list.isList());
  CHECK(list.asList()->size() == 3);
  CHECK(isError("argsToList(\"'unterminated\")"));
  CHECK(isError("argsToList(\"a\", 3)"));
}

TEST_CASE("userHome and userMap without a user database or map files") {
  CHECK(str("userHome(\"nobody\", \"/dflt\")") == "/dflt");
  CHECK(isUndefined("userHome(\"nobody\")"));
  CHECK(isError("userHome(1)"));
  CHECK_FALSE(eval("userHome()"));  // wrong arity fails the evaluation in HTCondor
  CHECK(isUndefined("userMap(\"map\", \"user\")"));
  CHECK(integer("userMap(\"map\", \"user\", 1, 2)") == 2);
  CHECK(isError("userMap(\"map\", error)"));
  CHECK(isError("userMap(\"map\")"));
}
