// The embind surface for building and editing ads from JavaScript (the classad module's
// ClassAd): a new ad, and lookup, insert and erase of attributes by handle.
#include <emscripten/bind.h>

#include <memory>
#include <string>

#include "classad/classad.hpp"
#include "classad/tree_build.hpp"
#include "handles.hpp"

namespace {

using htcondor::bindings::Ad;
using htcondor::bindings::Expr;
using emscripten::val;

std::shared_ptr<Ad> newAd() { return std::make_shared<Ad>(Ad{std::make_shared<htcondor::classad::ClassAd>()}); }

size_t adSize(const Ad& ad) { return ad.ad->size(); }

// The expression bound to `name`, shared with the ad (the ad stays its scope); null if absent.
val adLookup(const Ad& ad, const std::string& name) {
  auto tree = ad.ad->lookup(name);
  return tree ? val(std::make_shared<Expr>(Expr{tree, ad.ad})) : val::null();
}

// A copy goes in, as Python's ad[name] = expr: the caller's expression keeps its own scope.
void adInsert(const Ad& ad, const std::string& name, const Expr& expr) {
  ad.ad->insert(name, htcondor::classad::deepCopy(*expr.tree));
}

bool adErase(const Ad& ad, const std::string& name) { return ad.ad->erase(name); }

}  // namespace

EMSCRIPTEN_BINDINGS(htcondor_classad_ad) {
  using emscripten::function;
  function("newAd", &newAd);
  function("adSize", &adSize);
  function("adLookup", &adLookup);
  function("adInsert", &adInsert);
  function("adErase", &adErase);
}
