// The ClassAd lexer: tokens of the new ClassAd syntax (and of JSON, for JSON ads), read as
// HTCondor's lexer reads them, including its quirks (numbers with a leading 0 read as decimal,
// a '-' before a digit lexed as a negative number unless it follows a value).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace htcondor::classad {

enum class Tok {
  Error, End,
  Integer, Real, String, Boolean, Undefined, ErrorValue, Identifier,
  // punctuation and operators
  Selection, Multiply, Divide, Modulus, Plus, Minus, BitwiseNot, BitwiseXor, BitwiseAnd, BitwiseOr,
  LogicalAnd, LogicalOr, LogicalNot, LessThan, LessOrEqual, GreaterThan, GreaterOrEqual,
  LeftShift, RightShift, URightShift, Equal, NotEqual, MetaEqual, MetaNotEqual, BoundTo,
  QMark, Colon, Semicolon, Comma, OpenBox, CloseBox, OpenParen, CloseParen, OpenBrace, CloseBrace,
};

struct Token {
  Tok type = Tok::Error;
  int64_t integer = 0;
  double real = 0;
  bool boolean = false;
  std::string text;  // string value or identifier name
};

class Lexer {
 public:
  explicit Lexer(std::string_view input, bool json = false) : in_(input), json_(json) {}

  const Token& peek();
  Token consume();
  // Offset of the next unread character after the peeked token (or of the next token).
  size_t offset() const { return pos_; }

 private:
  void lex();
  void skipSpaceAndComments();
  void lexNumber();
  void lexAlpha();
  void lexString(char delim);
  void lexPunct();
  int at(size_t i) const { return i < in_.size() ? static_cast<unsigned char>(in_[i]) : -1; }

  std::string_view in_;
  bool json_;
  size_t pos_ = 0;
  bool peeked_ = false;
  Tok previous_ = Tok::Error;
  Token token_;
};

}  // namespace htcondor::classad
