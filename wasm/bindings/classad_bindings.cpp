// The embind surface of the ClassAd engine: handles to expressions and ads, and their
// parse, print and evaluate operations. Values leave as typed JSON (classad/typed_json.hpp).
#include <emscripten/bind.h>

#include <memory>
#include <string>

#include "classad/ad_lines.hpp"
#include "classad/classad.hpp"
#include "classad/eval.hpp"
#include "classad/host_functions.hpp"
#include "classad/matchmaking.hpp"
#include "classad/parser.hpp"
#include "classad/typed_json.hpp"
#include "classad/unparse.hpp"
#include "handles.hpp"
#include "host_values.hpp"

namespace {

using htcondor::bindings::Ad;
using htcondor::bindings::Expr;
using htcondor::classad::ClassAd;
using htcondor::classad::ExprPtr;

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

// A run of ads as one buffer (UTF-8 "Name = Expr" lines, cedar::getClassAdLines) and where
// each ends (a Uint32Array), as a query's answer leaves the worker: one crossing for all of
// them, the run's repeated expressions parsed once, and one handle for the run. Null with
// lastParseError() when an ad does not parse.
std::shared_ptr<htcondor::bindings::AdRun> parseWireAds(const emscripten::val& bytes, const emscripten::val& ends) {
  const std::string all = htcondor::bindings::byteCopy<std::string>(bytes);
  const auto bounds = emscripten::convertJSArrayToNumberVector<std::uint32_t>(ends);
  htcondor::classad::AdLinesReader reader;
  auto run = std::make_shared<htcondor::bindings::AdRun>();
  run->ads.reserve(bounds.size());
  std::uint32_t start = 0;
  for (const std::uint32_t end : bounds) {
    if (end < start || end > all.size()) {
      lastError = "record bounds out of order";
      return nullptr;
    }
    auto ad = reader.read(std::string_view(all).substr(start, end - start));
    if (!ad) {
      lastError = reader.error();
      return nullptr;
    }
    run->ads.push_back(Ad{std::move(ad)});
    start = end;
  }
  return run;
}

std::string lastParseError() { return lastError; }

// Typed JSON of `expr` evaluated as an attribute of `scope` (default: the ad it was looked up
// in), paired with `target`.
std::string evalExpr(const Expr& expr, const std::shared_ptr<Ad>& scope, const std::shared_ptr<Ad>& target) {
  htcondor::classad::LooseEvaluation evaluation(*expr.tree, expr.scope(scope), target ? target->ad.get() : nullptr);
  const auto& value = evaluation.value();
  return value ? htcondor::classad::typedJson(*value) : std::string("{\"t\": \"eval_fail\"}");
}

// Typed JSON of `ad`'s attribute evaluated against `target`, or "null" if it has none.
std::string evalAttr(const Ad& ad, const std::string& name, const std::shared_ptr<Ad>& target) {
  if (!ad.ad->lookup(name)) return "null";
  auto value = htcondor::classad::evaluateAttrAgainst(*ad.ad, name, target ? target->ad.get() : nullptr);
  return value ? htcondor::classad::typedJson(*value) : std::string("{\"t\": \"eval_fail\"}");
}

bool matches(const Ad& ad, const Ad& target) { return htcondor::classad::matches(*ad.ad, *target.ad); }

std::string quote(const std::string& s) { return htcondor::classad::quoteString(s); }

// The string a string literal stands for; null if `text` is not exactly one string literal.
emscripten::val unquote(const std::string& text) {
  ExprPtr tree = htcondor::classad::parseExpression(text);
  if (!tree || tree->kind() != htcondor::classad::ExprTree::Kind::Literal) return emscripten::val::null();
  const auto& value = static_cast<const htcondor::classad::Literal&>(*tree).value();
  return value.isString() ? emscripten::val(value.asString()) : emscripten::val::null();
}

// Adds a JavaScript function to the language. `callback` receives the arguments' typed JSON
// texts and returns the result as ClassAd literal text, or null when it failed.
void registerFunction(const std::string& name, emscripten::val callback) {
  htcondor::classad::registerHostFunction(name, [callback](const std::vector<htcondor::classad::Value>& args)
                                                    -> std::optional<htcondor::classad::Value> {
    emscripten::val texts = emscripten::val::array();
    for (const auto& arg : args) texts.call<void>("push", htcondor::classad::typedJson(arg));
    emscripten::val returned = callback(texts);
    if (!returned.isString()) return std::nullopt;
    ExprPtr tree = htcondor::classad::parseExpression(returned.as<std::string>());
    if (!tree) return std::nullopt;
    return htcondor::classad::evaluateIn(*tree, nullptr);
  });
}

}  // namespace

EMSCRIPTEN_BINDINGS(htcondor_classad) {
  using namespace emscripten;
  class_<Expr>("ExprHandle")
      .smart_ptr<std::shared_ptr<Expr>>("ExprHandlePtr")
      .function("unparse", &Expr::unparse)
      .function("pretty", &Expr::pretty);
  class_<Ad>("AdHandle").smart_ptr<std::shared_ptr<Ad>>("AdHandlePtr").function("unparse", &Ad::unparse);
  class_<htcondor::bindings::AdRun>("AdRunHandle")
      .smart_ptr<std::shared_ptr<htcondor::bindings::AdRun>>("AdRunHandlePtr")
      .function("size", &htcondor::bindings::AdRun::size)
      .function("take", &htcondor::bindings::AdRun::take)
      .function("release", &htcondor::bindings::AdRun::release);
  function("parseExpr", &parseExpr);
  function("parseAd", &parseAd);
  function("parseWireAds", &parseWireAds);
  function("lastParseError", &lastParseError);
  function("evalExpr", &evalExpr);
  function("evalAttr", &evalAttr);
  function("matches", &matches);
  function("quote", &quote);
  function("unquote", &unquote);
  function("registerFunction", &registerFunction);
}
