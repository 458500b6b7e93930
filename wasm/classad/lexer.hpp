// The ClassAd lexer: tokens of the new ClassAd syntax (and of JSON, for JSON ads, and of old
// ClassAd syntax, whose strings have no escapes), read as HTCondor's lexer reads them, including
// its quirks (numbers with a leading 0 read as decimal, a '-' before a digit lexed as a negative
// number unless it follows a value). It also tracks how far HTCondor's lexer would have read into
// its source, which decides where HTCondor's ad-file reader leaves a stream.
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

// New: the new ClassAd syntax. Old: old ClassAd syntax (a backslash only escapes a quote).
// Json: JSON (null, \uXXXX escapes, "\/Expr(...)\/" strings).
enum class LexMode { New, Old, Json };

struct Token {
  Tok type = Tok::Error;
  int64_t integer = 0;
  double real = 0;
  bool boolean = false;
  std::string text;  // string value or identifier name
  bool quotedExpr = false;  // JSON: the string was written "\/...\/" (an expression, maybe)
};

// HTCondor's escape rules for strings (convert_escapes): C escapes, octal \ooo (up to three
// digits while below 0x20 after two), any other escaped character stands for itself. False
// when an escape makes a NUL (the string is then invalid).
bool convertEscapes(std::string& text);

class Lexer {
 public:
  explicit Lexer(std::string_view input, LexMode mode = LexMode::New) : in_(input), mode_(mode) {}

  const Token& peek();
  Token consume();
  // Offset of the next unread character after the peeked token (or of the next token).
  size_t offset() const { return pos_; }
  // How many characters HTCondor's lexer has taken from its source for the tokens lexed so far:
  // it reads one character past most tokens (and past the white space after a string). One more
  // than the input's size means it tried to read past the end (the FILE's EOF flag).
  size_t readEnd() const { return readEnd_; }
  // The type of the last token lexed, peeked or consumed (HTCondor's getLastTokenType()).
  Tok lastType() const { return token_.type; }

 private:
  void lex();
  void skipSpaceAndComments();
  void lexNumber();
  void lexAlpha();
  void lexString(char delim);
  void lexStringOld(char delim);
  void lexPunct();
  int at(size_t i) const { return i < in_.size() ? static_cast<unsigned char>(in_[i]) : -1; }

  std::string_view in_;
  LexMode mode_;
  size_t pos_ = 0;
  size_t readEnd_ = 0;
  bool peeked_ = false;
  Tok previous_ = Tok::Error;
  Token token_;
};

}  // namespace htcondor::classad
