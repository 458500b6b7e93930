// The handles JavaScript holds on expressions and ads, shared by the embind files (the types
// are registered once, in classad_bindings.cpp).
#pragma once

#include <memory>
#include <string>

#include "classad/classad.hpp"
#include "classad/expr.hpp"
#include "classad/unparse.hpp"

namespace htcondor::bindings {

struct Expr {
  classad::ExprPtr tree;
  std::string unparse() const { return classad::unparse(*tree); }
  std::string pretty() const { return classad::unparse(*tree, classad::Style::Pretty); }
};

struct Ad {
  std::shared_ptr<classad::ClassAd> ad;
  std::string unparse() const { return classad::unparse(*ad); }
};

}  // namespace htcondor::bindings
