// The handles JavaScript holds on expressions and ads, shared by the embind files (the types
// are registered once, in classad_bindings.cpp).
#pragma once

#include <memory>
#include <string>

#include "classad/classad.hpp"
#include "classad/expr.hpp"
#include "classad/unparse.hpp"

namespace htcondor::bindings {

struct Ad {
  std::shared_ptr<classad::ClassAd> ad;
  std::string unparse() const { return classad::unparse(*ad); }
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
