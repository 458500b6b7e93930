// The ClassAd parser (new syntax), as HTCondor's: the same grammar, precedence and trees,
// parentheses kept as nodes, absTime("...")/relTime("...") of a string literal folded to a
// literal at parse time. Errors are values, never exceptions.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "classad/classad.hpp"
#include "classad/expr.hpp"
#include "classad/lexer.hpp"

namespace htcondor::classad {

class Parser {
 public:
  explicit Parser(std::string_view text, LexMode mode = LexMode::New) : lexer_(text, mode) {}

  // One expression; with `full` nothing but white space and comments may follow, without it the
  // parse stops before the first token that cannot continue the expression.
  ExprPtr parseExpression(bool full = true);
  // One ad `[ ... ]` at the current position; `full` requires the end of input after it.
  std::shared_ptr<ClassAd> parseClassAd(bool full);

  const std::string& error() const { return error_; }
  Lexer& lexer() { return lexer_; }

 private:
  ExprPtr expression();
  ExprPtr binary(int minLevel);
  ExprPtr unary();
  ExprPtr postfix();
  ExprPtr primary();
  std::shared_ptr<ClassAd> classAd();
  ExprPtr list();
  // Comma-separated expressions up to (not including) `close`; false on a syntax error.
  bool sequence(Tok close, std::vector<ExprPtr>& out);
  ExprPtr fail(std::string message);

  Lexer lexer_;
  std::string error_;
  int depth_ = 0;
};

// Convenience: parse one expression, or null with `error` set.
ExprPtr parseExpression(std::string_view text, std::string* error = nullptr);

}  // namespace htcondor::classad
