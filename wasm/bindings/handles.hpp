// The handles JavaScript holds on expressions and ads, shared by the embind files (the types
// are registered once, in classad_bindings.cpp).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "classad/classad.hpp"
#include "classad/expr.hpp"
#include "classad/unparse.hpp"

namespace htcondor::bindings {

struct Ad {
  std::shared_ptr<classad::ClassAd> ad;
  std::string unparse() const { return classad::unparse(*ad); }
};

// The ads of a query's answer (parseWireAds) behind one handle: JavaScript takes an ad out as
// its own handle only when it needs one, and releases the others one by one.
struct AdRun {
  std::vector<Ad> ads;
  std::size_t size() const { return ads.size(); }
  // Ad `i` while it is still in the run (neither taken nor released), else null.
  const Ad* at(std::size_t i) const { return i < ads.size() && ads[i].ad ? &ads[i] : nullptr; }
  std::shared_ptr<Ad> take(std::size_t i) {
    return at(i) ? std::make_shared<Ad>(std::move(ads[i])) : nullptr;
  }
  void release(std::size_t i) {
    if (i < ads.size()) ads[i].ad.reset();
  }
};

struct Expr {
  classad::ExprPtr tree;
  // The ad the tree was looked up in, if any: kept alive by the handle (JavaScript may drop or
  // dispose the ad first), and where it evaluates when no scope is given, as in Python.
  std::shared_ptr<const classad::ClassAd> owner;
  std::string unparse() const { return classad::unparse(*tree); }
  std::string pretty() const { return classad::unparse(*tree, classad::Style::Pretty); }
  // Where to evaluate: the scope given, else the ad the tree came from.
  const classad::ClassAd* scope(const std::shared_ptr<Ad>& given) const { return given ? given->ad.get() : owner.get(); }
};

}  // namespace htcondor::bindings
