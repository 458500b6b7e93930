// HTCondor's JSON ad parser (ClassAdJsonParser): an object of "name": value members whose values
// are JSON literals (null is undefined), arrays (lists), objects (nested ads) and strings written
// "\/Expr(...)\/", which hold a ClassAd expression in new syntax.
#pragma once

#include <memory>
#include <string_view>

#include "classad/classad.hpp"
#include "classad/expr.hpp"
#include "classad/lexer.hpp"

namespace htcondor::classad {

class JsonParser {
 public:
  explicit JsonParser(std::string_view text) : lexer_(text, LexMode::Json) {}

  // One object at the current position (text after it is left alone); null on a syntax error.
  std::shared_ptr<ClassAd> parseClassAd();
  const Lexer& lexer() const { return lexer_; }

 private:
  ExprPtr value();
  ExprPtr list();
  ExprPtr string();

  Lexer lexer_;
  int depth_ = 0;
};

}  // namespace htcondor::classad
