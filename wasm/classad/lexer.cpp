#include "classad/lexer.hpp"

#include <strings.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>

namespace htcondor::classad {

namespace {

bool isOctal(int c) { return c >= '0' && c <= '7'; }
bool isDigit(int c) { return c >= '0' && c <= '9'; }

// Tokens after which a '-' is the binary minus, not the sign of a number.
bool endsValue(Tok t) {
  switch (t) {
    case Tok::Integer: case Tok::Real: case Tok::Boolean: case Tok::String: case Tok::Undefined:
    case Tok::ErrorValue: case Tok::Identifier: case Tok::Selection: case Tok::CloseBox:
    case Tok::CloseParen: case Tok::CloseBrace:
      return true;
    default:
      return false;
  }
}

// HTCondor's JSON escapes: \" \b \f \n \r \t \\, any other escaped character stands for
// itself, a final backslash is kept. \uXXXX is converted with HTCondor's bit masks, which were
// written in hex where binary was meant: the bytes are not UTF-8 (\u00e9 gives "\003\001").
// \u0000 or a short \u makes the string invalid.
bool convertJsonEscapes(std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c != '\\' || i + 1 >= text.size()) {
      out += c;
      continue;
    }
    c = text[++i];
    switch (c) {
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'u': {
        if (i + 4 >= text.size()) return false;
        unsigned cp = 0;
        for (size_t k = 1; k <= 4; ++k) {
          const int h = static_cast<unsigned char>(text[i + k]);
          if (!std::isxdigit(h) || (h >= 'g' && h <= 'z')) return false;
          cp = (cp << 4) + static_cast<unsigned>(isDigit(h) ? h - '0' : std::toupper(h) - 'A' + 10);
        }
        i += 4;
        if (cp == 0) return false;
        if (cp >= 0x800) {
          out += static_cast<char>((cp >> 12) & 0xFF);
          out += static_cast<char>(((cp >> 6) & 0xFF) | 0x11);
          out += static_cast<char>((cp & 0xFF) | 0x11);
        } else if (cp >= 0x80) {
          out += static_cast<char>((cp >> 6) & 0xFF);
          out += static_cast<char>(cp & 0x11);
        } else {
          out += static_cast<char>(cp);
        }
        break;
      }
      default: out += c; break;
    }
  }
  text = std::move(out);
  return true;
}

// HTCondor reads a JSON string written "\/...\/" as a possible quoted expression.
bool looksQuotedExpr(const std::string& raw) {
  const size_t n = raw.size();
  return n >= 4 && raw[0] == '\\' && raw[1] == '/' && raw[n - 2] == '\\' && raw[n - 1] == '/';
}

}  // namespace

bool convertEscapes(std::string& text) {
  std::string out;
  out.reserve(text.size());
  bool valid = true;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\\' && i + 1 < text.size()) {
      c = text[++i];
      switch (c) {
        case 'a': c = '\a'; break;
        case 'b': c = '\b'; break;
        case 'f': c = '\f'; break;
        case 'n': c = '\n'; break;
        case 'r': c = '\r'; break;
        case 't': c = '\t'; break;
        case 'v': c = '\v'; break;
        default:
          if (isOctal(c)) {
            unsigned number = static_cast<unsigned>(c - '0');
            if (i + 1 < text.size() && isOctal(text[i + 1])) {
              number = (number << 3) + static_cast<unsigned>(text[++i] - '0');
              if (number < 0x20 && i + 1 < text.size() && isOctal(text[i + 1])) {
                number = (number << 3) + static_cast<unsigned>(text[++i] - '0');
              }
            }
            c = static_cast<char>(number);
            if (c == 0) valid = false;
          }
          break;
      }
    }
    out += c;
  }
  text = std::move(out);
  return valid;
}


const Token& Lexer::peek() {
  if (!peeked_) {
    lex();
    peeked_ = true;
  }
  return token_;
}

Token Lexer::consume() {
  peek();
  peeked_ = false;
  previous_ = token_.type;
  return std::move(token_);
}

void Lexer::skipSpaceAndComments() {
  for (;;) {
    int c = at(pos_);
    if (c >= 0 && std::isspace(c)) {
      ++pos_;
    } else if (c == '/' && at(pos_ + 1) == '/') {
      while (at(pos_) >= 0 && at(pos_) != '\n') ++pos_;
    } else if (c == '/' && at(pos_ + 1) == '*') {
      size_t close = in_.find("*/", pos_ + 2);
      if (close == std::string_view::npos) {
        pos_ = in_.size() + 1;  // an unterminated comment is a lexical error
        return;
      }
      pos_ = close + 2;
    } else {
      return;
    }
  }
}

void Lexer::lex() {
  token_ = Token{};
  skipSpaceAndComments();
  if (pos_ > in_.size()) {  // an unterminated comment: read to the end, Tok::Error
    readEnd_ = in_.size() + 1;
    return;
  }
  int c = at(pos_);
  if (c < 0) {
    token_.type = Tok::End;
    readEnd_ = in_.size() + 1;
  } else if (c == '-' && endsValue(previous_)) {
    lexPunct();
  } else if (c == '-' || isDigit(c) || c == '.') {
    lexNumber();
    readEnd_ = pos_ + 1;
    // "-." not followed by a digit: HTCondor peeks past the '.' (and hits the end if nothing is there).
    if (token_.type == Tok::Minus && at(pos_) == '.' && at(pos_ + 1) < 0) readEnd_ = pos_ + 2;
  } else if (std::isalpha(c) || c == '_') {
    lexAlpha();
    readEnd_ = pos_ + 1;
  } else if (c == '"' || c == '\'') {
    // In JSON too: HTCondor lexes '...' as a quoted name there, which JSON then rejects.
    if (mode_ == LexMode::Old) lexStringOld(static_cast<char>(c));
    else lexString(static_cast<char>(c));
  } else {
    lexPunct();
  }
}

void Lexer::lexNumber() {
  enum { None, Int, Real } kind = None;
  const size_t start = pos_;
  int first = at(pos_++);
  if (first == '-') {
    if (isDigit(at(pos_))) {
      first = at(pos_++);
    } else if (!(at(pos_) == '.' && isDigit(at(pos_ + 1)))) {
      token_.type = Tok::Minus;
      return;
    }
  }
  if (first == '0') {
    if (std::tolower(at(pos_)) == 'x') {
      kind = Int;
      ++pos_;
      if (!std::isxdigit(at(pos_))) return;  // Tok::Error
      while (std::isxdigit(at(pos_))) ++pos_;
    } else {
      kind = Int;
      while (isDigit(at(pos_))) {
        if (kind == Int && !isOctal(at(pos_))) kind = Real;
        ++pos_;
      }
      if (at(pos_) == '.' || std::tolower(at(pos_)) == 'e') {
        kind = Real;
      } else if (kind == Real) {
        return;  // non-octal digits without '.' or 'e': Tok::Error
      }
    }
  } else if (isDigit(first)) {
    while (isDigit(at(pos_))) ++pos_;
    kind = (at(pos_) == '.' || std::tolower(at(pos_)) == 'e') ? Real : Int;
  }
  if (first == '.' || at(pos_) == '.') {
    if (at(pos_) == '.') ++pos_;
    if (isDigit(at(pos_))) {
      kind = Real;
      while (isDigit(at(pos_))) ++pos_;
    } else {
      if (kind != None) return;  // "1." is an error
      token_.type = Tok::Selection;
      return;
    }
  }
  if (kind == Real && std::tolower(at(pos_)) == 'e') {
    ++pos_;
    if (at(pos_) == '+' || at(pos_) == '-') ++pos_;
    if (!isDigit(at(pos_))) return;  // Tok::Error
    while (isDigit(at(pos_))) ++pos_;
  }
  std::string text(in_.substr(start, pos_ - start));
  if (kind == Int) {
    // With old ClassAd semantics (HTCondor's default) and in JSON, an integer may not have a
    // leading zero: "07" and "0x1F" are errors, "0" and "-07" are not.
    if (text[0] == '0' && text.size() > 1) return;  // Tok::Error
    // Read in base 10 whatever the prefix, and 0 when out of range: HTCondor 23's reading.
    int64_t value = 0;
    std::from_chars(text.data(), text.data() + text.size(), value, 10);
    token_.type = Tok::Integer;
    token_.integer = value;
  } else {
    token_.type = Tok::Real;
    token_.real = std::strtod(text.c_str(), nullptr);
  }
}

void Lexer::lexAlpha() {
  const size_t start = pos_;
  while (std::isalpha(at(pos_))) ++pos_;
  if (isDigit(at(pos_)) || at(pos_) == '_') {
    while (std::isalnum(at(pos_)) || at(pos_) == '_') ++pos_;
    token_.type = Tok::Identifier;
    token_.text = std::string(in_.substr(start, pos_ - start));
    return;
  }
  std::string word(in_.substr(start, pos_ - start));
  auto is = [&](const char* w) { return strcasecmp(word.c_str(), w) == 0; };
  if (is("true")) {
    token_.type = Tok::Boolean;
    token_.boolean = true;
  } else if (is("false")) {
    token_.type = Tok::Boolean;
  } else if (mode_ != LexMode::Json && is("undefined")) {
    token_.type = Tok::Undefined;
  } else if (mode_ == LexMode::Json && is("null")) {
    token_.type = Tok::Undefined;
  } else if (is("error")) {
    token_.type = Tok::ErrorValue;
  } else if (is("is")) {
    token_.type = Tok::MetaEqual;
  } else if (is("isnt")) {
    token_.type = Tok::MetaNotEqual;
  } else {
    token_.type = Tok::Identifier;
    token_.text = std::move(word);
  }
}

void Lexer::lexString(char delim) {
  std::string raw;
  ++pos_;  // opening quote
  for (;;) {
    bool escaped = false;
    while (at(pos_) > 0 && (at(pos_) != delim || escaped)) {
      escaped = !escaped && at(pos_) == '\\';
      raw += static_cast<char>(at(pos_++));
    }
    if (at(pos_) != delim) {  // unterminated (or a NUL): Tok::Error
      readEnd_ = pos_ + 1;
      return;
    }
    ++pos_;
    // Adjacent literals with only white space between them are one string. HTCondor reads the
    // white space and the character after it to find out.
    size_t next = pos_;
    while (at(next) >= 0 && std::isspace(at(next))) ++next;
    readEnd_ = next + 1;
    if (at(next) != delim) break;
    pos_ = next + 1;
  }
  const bool json = mode_ == LexMode::Json;
  if (json) token_.quotedExpr = looksQuotedExpr(raw);
  bool valid = json ? convertJsonEscapes(raw) : convertEscapes(raw);
  if (!valid) return;  // Tok::Error
  token_.type = delim == '"' ? Tok::String : Tok::Identifier;
  token_.text = std::move(raw);
}

// Old ClassAd syntax: no escapes, except that a backslash before the quote makes the quote part
// of the string, unless the quote ends the input (or a line): then the string ends with the
// backslash. No concatenation of adjacent literals.
void Lexer::lexStringOld(char delim) {
  std::string text;
  ++pos_;  // opening quote
  for (;;) {
    int previous = 0;
    while (at(pos_) > 0 && at(pos_) != delim) {
      previous = at(pos_);
      text += static_cast<char>(at(pos_++));
    }
    if (at(pos_) != delim) {  // unterminated: Tok::Error
      readEnd_ = pos_ + 1;
      return;
    }
    if (previous != '\\') {
      readEnd_ = ++pos_;
      break;
    }
    const int after = at(pos_ + 1);
    if (after > 0 && after != '\n') {
      text.back() = delim;
      ++pos_;
      continue;
    }
    // HTCondor consumed the character after the quote to decide, and drops it.
    readEnd_ = after < 0 ? in_.size() + 1 : pos_ + 2;
    pos_ = std::min(pos_ + 2, in_.size());
    break;
  }
  token_.type = delim == '"' ? Tok::String : Tok::Identifier;
  token_.text = std::move(text);
}

void Lexer::lexPunct() {
  int c = at(pos_++);
  // Operators that may have a second character: HTCondor reads the next character to see, and
  // keeps it when it is not part of the operator.
  bool lookahead = false;
  auto next = [&](int want) {
    if (at(pos_) != want) {
      lookahead = true;
      return false;
    }
    lookahead = false;
    ++pos_;
    return true;
  };
  Tok& t = token_.type;
  switch (c) {
    case '.': t = Tok::Selection; break;
    case '*': t = Tok::Multiply; break;
    case '/': t = Tok::Divide; lookahead = true; break;  // HTCondor read on to rule out a comment
    case '%': t = Tok::Modulus; break;
    case '+': t = Tok::Plus; break;
    case '-': t = Tok::Minus; break;
    case '~': t = Tok::BitwiseNot; break;
    case '^': t = Tok::BitwiseXor; break;
    case '?': t = Tok::QMark; break;
    case ':': t = Tok::Colon; break;
    case ';': t = Tok::Semicolon; break;
    case ',': t = Tok::Comma; break;
    case '[': t = Tok::OpenBox; break;
    case ']': t = Tok::CloseBox; break;
    case '(': t = Tok::OpenParen; break;
    case ')': t = Tok::CloseParen; break;
    case '{': t = Tok::OpenBrace; break;
    case '}': t = Tok::CloseBrace; break;
    case '&': t = next('&') ? Tok::LogicalAnd : Tok::BitwiseAnd; break;
    case '|': t = next('|') ? Tok::LogicalOr : Tok::BitwiseOr; break;
    case '<':
      t = next('=') ? Tok::LessOrEqual : next('<') ? Tok::LeftShift : Tok::LessThan;
      break;
    case '>':
      if (next('=')) t = Tok::GreaterOrEqual;
      else if (next('>')) t = next('>') ? Tok::URightShift : Tok::RightShift;
      else t = Tok::GreaterThan;
      break;
    case '=':
      if (next('=')) {
        t = Tok::Equal;
      } else if (next('?')) {
        // "=?" must be followed by '=': HTCondor has no other token starting so.
        t = next('=') ? Tok::MetaEqual : Tok::Error;
      } else if (at(pos_) == '!' && at(pos_ + 1) == '=') {
        pos_ += 2;
        lookahead = false;
        t = Tok::MetaNotEqual;
      } else {
        t = Tok::BoundTo;
        // For "=!" HTCondor also peeks past the '!', and hits the end if nothing is there.
        if (at(pos_) == '!' && at(pos_ + 1) < 0) {
          readEnd_ = in_.size() + 1;
          return;
        }
      }
      break;
    case '!': t = next('=') ? Tok::NotEqual : Tok::LogicalNot; break;
    default: t = Tok::Error; break;
  }
  readEnd_ = pos_ + (lookahead ? 1 : 0);
}

}  // namespace htcondor::classad
