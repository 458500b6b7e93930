// HTCondor's XML ad format as ClassAdXMLParser reads it (xmlSource.cpp, xmlLexer.cpp): values,
// entities, the prolog, and what an ad cut short or malformed gives.
#include <doctest/doctest.h>

#include <string>

#include "classad/eval.hpp"
#include "classad/unparse.hpp"
#include "classad/xml_parser.hpp"

using namespace htcondor::classad;

namespace {

using Status = XmlAdRead::Status;

std::shared_ptr<ClassAd> adOf(const std::string& text) {
  XmlAdRead read = readXmlAd(text);
  REQUIRE(read.status == Status::Ad);
  return read.ad;
}

// The attribute `name` of an ad with one attribute written as `value`.
std::string valueOf(const std::string& value) {
  auto ad = adOf("<c><a n=\"x\">" + value + "</a></c>");
  auto e = ad->lookup("x");
  return e ? unparse(*e) : "<none>";
}

Status statusOf(const std::string& text) { return readXmlAd(text).status; }

}  // namespace

TEST_CASE("XML ads: scalar values") {
  CHECK(valueOf("<i>42</i>") == "42");
  CHECK(valueOf("<i>-7</i>") == "-7");
  CHECK(valueOf("<i> 12 </i>") == "12");  // white space before text is skipped, after it ignored
  CHECK(valueOf("<i>12abc</i>") == "12");  // from_chars takes the leading number
  CHECK(valueOf("<i>+5</i>") == "error");  // ... and no '+'
  CHECK(valueOf("<i>99999999999999999999</i>") == "error");
  CHECK(valueOf("<r>1.500000000000000E+00</r>") == "1.500000000000000E+00");
  CHECK(valueOf("<r>0.0</r>") == "0.0");
  CHECK(valueOf("<r>NaN</r>") == "real(\"NaN\")");
  CHECK(valueOf("<r>INF</r>") == "real(\"INF\")");
  CHECK(valueOf("<r>-INF</r>") == "real(\"-INF\")");
  CHECK(valueOf("<r>x</r>") == "error");
  CHECK(valueOf("<b v=\"t\"/>") == "true");
  CHECK(valueOf("<b v=\"T\"/>") == "true");
  CHECK(valueOf("<b v=\"f\"/>") == "false");
  CHECK(valueOf("<b v=\"yes\"/>") == "false");  // anything but t or T
  CHECK(valueOf("<b v=\"t\"></b>") == "true");
  CHECK(valueOf("<un/>") == "undefined");
  CHECK(valueOf("<er/>") == "error");
  CHECK(valueOf("<at>2026-11-21T06:20:09+00:00</at>") == "absTime(\"2026-11-21T06:20:09-00:00\")");
  CHECK(valueOf("<rt>1+00:02:00</rt>") == "relTime(\"1+00:02:00\")");
  // The element names, not end tags, pick the kind (ParseThing switches on the name).
  CHECK(valueOf("</i>3</i>") == "3");
}

TEST_CASE("XML ads: strings, entities and escapes") {
  CHECK(valueOf("<s>hello world</s>") == "\"hello world\"");
  CHECK(valueOf("<s></s>") == "\"\"");
  CHECK(valueOf("<s>  spaced  </s>") == "\"  spaced  \"");  // a string keeps its white space
  CHECK(valueOf("<s>&lt;127.0.0.1:9618?a=1&amp;b=2&gt;</s>") == "\"<127.0.0.1:9618?a=1&b=2>\"");
  // Only &amp; &lt; &gt; are entities; others stay as written.
  CHECK(valueOf("<s>&quot;q&quot; &apos; &#60;</s>") == "\"&quot;q&quot; &apos; &#60;\"");
  CHECK(valueOf("<s>&amp;lt;</s>") == "\"&lt;\"");  // replaced once
  CHECK(valueOf("<s>a & b</s>") == "\"a & b\"");    // a space ends an entity
  CHECK(valueOf("<s>&x&amp;</s>") == "\"&x&\"");     // so does another '&'
  // Backslash escapes, as in ClassAd strings.
  CHECK(valueOf("<s>a\\nb\\\"c\\\\d\\101</s>") == "\"a\\nb\\\"c\\\\dA\"");
  CHECK_FALSE(readXmlAd("<c><a n=\"x\"><s>bad\\0</s></a></c>").ad);  // an escaped NUL: no ad
  // Attribute names take the same entities and escapes.
  auto ad = adOf("<c><a n=\"a&amp;b\"><i>1</i></a><a n=\"q\\\"r\"><i>2</i></a></c>");
  CHECK(ad->lookup("a&b"));
  CHECK(ad->lookup("q\"r"));
}

TEST_CASE("XML ads: expressions, lists and nested ads") {
  CHECK(valueOf("<e>RequestMemory &gt; 10 &amp;&amp; x</e>") == "RequestMemory > 10 && x");
  CHECK(valueOf("<e>1 2</e>") == "1");  // the expression ends where it cannot go on
  CHECK(valueOf("<l><i>1</i><s>two</s><l></l></l>") == "{ 1,\"two\",{  } }");
  CHECK(valueOf("<l></l>") == "{  }");
  CHECK(valueOf("<c><a n=\"y\"><i>1</i></a></c>") == "[ y = 1 ]");
  auto ad = adOf("<c><a n=\"ToE\"><c><a n=\"Who\"><s>itself</s></a><a n=\"HowCode\"><i>0</i></a></c></a>"
                 "<a n=\"n\"><i>5</i></a></c>");
  CHECK(unparse(*ad->lookup("ToE")) == "[ Who = \"itself\"; HowCode = 0 ]");
  CHECK(evaluateAttr(*ad, "n")->asInteger() == 5);
  // A later attribute of the same name replaces an earlier one.
  CHECK(unparse(*adOf("<c><a n=\"x\"><i>1</i></a><a n=\"X\"><i>2</i></a></c>")->lookup("x")) == "2");
}

TEST_CASE("XML ads: what comes before and after the ad") {
  const std::string ad = "<c>\n    <a n=\"Proc\"><i>0</i></a>\n</c>\n";
  const std::string prolog = "<?xml version=\"1.0\"?>\n<!DOCTYPE classads SYSTEM \"classads.dtd\">\n<classads>\n";
  XmlAdRead read = readXmlAd(prolog + ad + "<c>");
  REQUIRE(read.status == Status::Ad);
  CHECK(read.consumed == prolog.size() + ad.size() - 1);  // the ad ends with its </c>
  CHECK(read.ad->size() == 1);
  CHECK(readXmlAd("  stray text <x/> " + ad).status == Status::Ad);  // text and other tags are skipped
  CHECK(readXmlAd("<c></c>").ad->size() == 0);
  // Stray end tags of attributes, text between attributes and repeated <c> are passed over.
  CHECK(adOf("<c>junk</a><c><a n=\"x\"><i>1</i></a></c>")->size() == 1);
  // An unknown tag inside an ad ends it (HTCondor returns what it has).
  XmlAdRead early = readXmlAd("<c><a n=\"x\"><i>1</i></a><foo><a n=\"y\"><i>2</i></a></c>");
  REQUIRE(early.status == Status::Ad);
  CHECK(early.ad->size() == 1);
  CHECK(early.consumed == std::string("<c><a n=\"x\"><i>1</i></a><foo>").size());
}

TEST_CASE("XML ads: an ad cut short is incomplete") {
  const std::string whole = "<c>\n    <a n=\"Name\"><s>a &amp; b</s></a>\n    <a n=\"N\"><i>12</i></a>\n</c>\n";
  // Up to the '>' of </c>, nothing is an ad yet (HTCondor's file reader already takes an ad
  // missing only </c>, or one cut inside a tag or a value).
  for (size_t cut = 0; cut < whole.size() - 1; ++cut) {
    CAPTURE(cut);
    CHECK(statusOf(whole.substr(0, cut)) == Status::Incomplete);
  }
  CHECK(statusOf(whole.substr(0, whole.size() - 1)) == Status::Ad);
  CHECK(statusOf("") == Status::Incomplete);
  CHECK(statusOf("<?xml version=\"1.0\"?>\n<classads>\n") == Status::Incomplete);
  CHECK(statusOf("<c><a n=\"x\"><s>abc&am") == Status::Incomplete);  // inside an entity
}

TEST_CASE("XML ads: malformed ads are errors that reading goes on after") {
  // End or empty <c> first.
  XmlAdRead end = readXmlAd("</c>\n<c></c>");
  CHECK(end.status == Status::Error);
  CHECK(end.consumed == 4);
  CHECK(statusOf("<c/>") == Status::Error);
  // Attributes without a name or a value, values without text, and unreadable times.
  const std::string bad[] = {
      "<a><i>1</i></a>", "<a n=\"x\"></a>", "<a n=\"x\">text</a>", "<a n=\"x\"><i></i></a>", "<a n=\"x\"><r></r></a>",
      "<a n=\"x\"><e></e></a>", "<a n=\"x\"><e>1 +</e></a>", "<a n=\"x\"><at>soon</at></a>", "<a n=\"x\"><rt>x</rt></a>",
      "<a n=\"x\"><foo/></a>", "<a n=\"x\\0\"><i>1</i></a>",
      // Where HTCondor loops forever or keeps a null list element.
      "<classads>", "<a n=\"x\"><l>text</l></a>", "<a n=\"x\"><l></i></l></a>", "<a n=\"x\"><l><a/></l></a>",
      "<a n=\"x\"><l><i></i></l></a>", "<a n=\"x\"><l><c/></l></a>",
  };
  for (const std::string& inner : bad) {
    CAPTURE(inner);
    const std::string text = "<c>" + inner + "</c>\n<c><a n=\"ok\"><i>1</i></a></c>";
    XmlAdRead read = readXmlAd(text);
    CHECK(read.status == Status::Error);
    // Reading goes on after the bad ad's </c>.
    CHECK(read.consumed == 3 + inner.size() + 4);
    XmlAdRead next = readXmlAd(std::string_view(text).substr(read.consumed));
    REQUIRE(next.status == Status::Ad);
    CHECK(next.ad->lookup("ok"));
  }
  // The bad ad's nested ads are skipped with it; until its </c> arrives it is incomplete.
  const std::string nested = "<c><a n=\"x\"><c><a n=\"\"><i>1</i></a></c></a></c>";
  XmlAdRead read = readXmlAd(nested + "<c></c>");
  CHECK(read.status == Status::Error);
  CHECK(read.consumed == nested.size());
  CHECK(statusOf(nested.substr(0, nested.size() - 1)) == Status::Incomplete);
}

TEST_CASE("XML ads: nesting is bounded and hostile bytes are survived") {
  std::string deep;
  for (int i = 0; i < 5000; ++i) deep += "<c><a n=\"x\">";
  CHECK(statusOf(deep) == Status::Incomplete);
  for (int i = 0; i < 5000; ++i) deep += "</a></c>";
  CHECK(statusOf(deep) == Status::Error);
  std::string lists = "<c><a n=\"x\">";
  for (int i = 0; i < 5000; ++i) lists += "<l>";
  CHECK(statusOf(lists + "</c>") == Status::Error);
  std::string fine = "<c><a n=\"x\">";
  for (int i = 0; i < 50; ++i) fine += "<l>";
  for (int i = 0; i < 50; ++i) fine += "</l>";
  CHECK(statusOf(fine + "</a></c>") == Status::Ad);
  // A tag ends at a NUL (HTCondor breaks it down as a C string) and at the first '>', even
  // inside quotes; a quote left open ends at the tag's end.
  CHECK(adOf(std::string("<c><a n=\"x\0y\"><i>1</i></a></c>", 30))->lookup("x"));
  CHECK(adOf("<c><a n=\"x><i>1</i></a></c>")->lookup("x"));
  CHECK(statusOf("<") == Status::Incomplete);
  CHECK(statusOf("<>") == Status::Incomplete);  // a tag named ">", skipped before the ad
}
