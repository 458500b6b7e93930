// Reading streams of ads as HTCondor's parseAds() does, and the old-syntax and JSON printers.
#include <doctest/doctest.h>

#include <string>

#include "classad/ad_reader.hpp"
#include "classad/json_writer.hpp"
#include "classad/parser.hpp"
#include "classad/unparse.hpp"

using namespace htcondor::classad;

namespace {

std::string attr(const ClassAd& ad, const char* name) {
  auto e = ad.lookup(name);
  return e ? unparse(*e) : "<none>";
}

}  // namespace

TEST_CASE("new-syntax streams stop after the closing bracket") {
  AdRead one = readNextAd("[a = 1] [b = 2]", AdSyntax::New);
  REQUIRE(one.status == AdRead::Status::Ad);
  CHECK(one.consumed == 7);
  AdStream all = readAds("[a = 1]\n\n[b = 2] junk", AdSyntax::New);
  CHECK_FALSE(all.error);
  REQUIRE(all.ads.size() == 2);
  CHECK(attr(*all.ads[1], "b") == "2");
  CHECK(all.rest == " junk");
  // A parse error where the reader did not read to the end is an error; at the end it is not.
  CHECK(readAds("[a = 1, b = 2]", AdSyntax::New).error);
  AdStream open = readAds("[a = \"unterminated]", AdSyntax::New);
  CHECK_FALSE(open.error);
  CHECK(open.rest == "[a = \"unterminated]");
  // A list of ads: the first is read after its '{', the ',' after it is an error.
  AdStream list = readAds("{ [a = 1], [b = 2] }", AdSyntax::New);
  CHECK(list.error);
  CHECK(list.ads.size() == 1);
}

TEST_CASE("old-syntax ads are lines up to a blank line") {
  AdStream two = readAds("A = 1\n# c\nB = \"x\\y\"\n\nC = 3\n", AdSyntax::Old);
  CHECK_FALSE(two.error);
  REQUIRE(two.ads.size() == 2);
  CHECK(attr(*two.ads[0], "B") == "\"x\\\\y\"");  // no escapes in old syntax
  CHECK(attr(*two.ads[1], "C") == "3");
  CHECK(readAds("\n\nA = 1\n", AdSyntax::Old).error);  // a second blank line is an empty ad
  // Text after the expression is ignored; a bad line ends the ad and skips to the blank line.
  AdStream junk = readAds("A = 1 2\nB = \nC = 3\n\nD = 4\n", AdSyntax::Old);
  REQUIRE(junk.ads.size() == 2);
  CHECK(junk.ads[0]->size() == 1);
  CHECK(attr(*junk.ads[1], "D") == "4");
  AdStream comment = readAds("# only comment\n", AdSyntax::Old);
  CHECK_FALSE(comment.error);
  CHECK(comment.ads.empty());
  CHECK(attr(*readAds("A = \"a\\\"b\"\n", AdSyntax::Old).ads.at(0), "A") == "\"a\\\"b\"");
}

TEST_CASE("JSON ads leave their closing brace unread") {
  AdStream one = readAds("{\"a\": 1, \"b\": \"\\/Expr(a + 1)\\/\", \"c\": [null, true]}", AdSyntax::Json);
  CHECK_FALSE(one.error);
  REQUIRE(one.ads.size() == 1);
  CHECK(one.rest == "}");
  CHECK(attr(*one.ads[0], "b") == "a + 1");
  CHECK(attr(*one.ads[0], "c") == "{ undefined,true }");
  CHECK(readAds("{\"a\": 1}\n{\"b\": 2}", AdSyntax::Json).error);
  // Python cuts the text at the byte offset as if it counted characters.
  CHECK(readAds("{\"a\": \"\xC3\xA9\"}", AdSyntax::Json).rest.empty());
  // HTCondor's \u conversion is not UTF-8.
  CHECK(attr(*readAds("{\"a\": \"\\u00e9\"}", AdSyntax::Json).ads.at(0), "a") == "\"\\003\\001\"");
  CHECK(readAds("{'a': 1}", AdSyntax::Json).error);
}

TEST_CASE("hostile input is an error or the end, never a crash") {
  const std::string inputs[] = {"", "[", "{", "\"", "[a = 1", std::string("A = 1\0B", 7), "\xff\xfe[", "=?", "[a =!"};
  for (const auto& text : inputs) {
    for (AdSyntax syntax : {AdSyntax::Old, AdSyntax::New, AdSyntax::Json}) {
      AdStream s = readAds(text, syntax);
      CHECK(s.ads.size() <= 1);
    }
  }
  CHECK(readAds(std::string(100000, '['), AdSyntax::New).ads.empty());
  CHECK(readAds(std::string(100000, '['), AdSyntax::Json).ads.empty());
}

TEST_CASE("old-syntax and JSON printers") {
  Parser p("[ b = \"q\\\"t\\n\"; a = 1.5; 'x y' = real(\"INF\"); l = {}; n = [c = undefined]; r = x + 1 ]");
  auto ad = p.parseClassAd(true);
  REQUIRE(ad);
  CHECK(unparseOldAttributes(*ad) == "a = 1.5\nb = \"q\\\"t\n\"\nl = {  }\nn = [ c = undefined ]\nr = x + 1\n'x y' = real(\"INF\")\n");
  CHECK(printJson(*ad) ==
        "{\n  \"a\": 1.5,\n  \"b\": \"q\\\"t\\n\",\n  \"l\": [\n  ],\n  \"n\": {\n    \"c\": null\n  },\n"
        "  \"r\": \"\\/Expr(x + 1)\\/\",\n  \"x y\": \"\\/Expr(real(\\\"INF\\\"))\\/\"\n}");
  CHECK(unparseOldAttributes(ClassAd()) == "\n");
  CHECK(printJson(ClassAd()) == "{\n}");
}
