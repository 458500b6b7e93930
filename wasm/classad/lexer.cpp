#include "classad/lexer.hpp"

#include <strings.h>

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

// HTCondor's escape rules: C escapes, octal \ooo (up to three digits while below 0x20 after
// two), any other escaped character stands for itself; a NUL makes the string invalid.
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

// JSON escapes: \" \\ \/ \b \f \n \r \t and \uXXXX (as UTF-8).
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
        auto [end, err] = std::from_chars(text.data() + i + 1, text.data() + i + 5, cp, 16);
        if (err != std::errc{} || end != text.data() + i + 5) return false;
        i += 4;
        if (cp == 0) return false;
        if (cp < 0x80) {
          out += static_cast<char>(cp);
        } else if (cp < 0x800) {
          out += static_cast<char>(0xC0 | (cp >> 6));
          out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
          out += static_cast<char>(0xE0 | (cp >> 12));
          out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
          out += static_cast<char>(0x80 | (cp & 0x3F));
        }
        break;
      }
      default: out += c; break;
    }
  }
  text = std::move(out);
  return true;
}

}  // namespace

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
  if (pos_ > in_.size()) return;  // Tok::Error
  int c = at(pos_);
  if (c < 0) {
    token_.type = Tok::End;
  } else if (c == '-') {
    if (endsValue(previous_)) lexPunct();
    else lexNumber();
  } else if (isDigit(c) || c == '.') {
    lexNumber();
  } else if (std::isalpha(c) || c == '_') {
    lexAlpha();
  } else if (c == '"') {
    lexString('"');
  } else if (c == '\'' && !json_) {
    lexString('\'');
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
  } else if (!json_ && is("undefined")) {
    token_.type = Tok::Undefined;
  } else if (json_ && is("null")) {
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
    if (at(pos_) != delim) return;  // unterminated (or a NUL): Tok::Error
    ++pos_;
    // Adjacent literals with only white space between them are one string.
    size_t next = pos_;
    while (at(next) >= 0 && std::isspace(at(next))) ++next;
    if (at(next) != delim) break;
    pos_ = next + 1;
  }
  bool valid = json_ ? convertJsonEscapes(raw) : convertEscapes(raw);
  if (!valid) return;  // Tok::Error
  token_.type = delim == '"' ? Tok::String : Tok::Identifier;
  token_.text = std::move(raw);
}

void Lexer::lexPunct() {
  int c = at(pos_++);
  auto next = [&](int want) {
    if (at(pos_) != want) return false;
    ++pos_;
    return true;
  };
  Tok& t = token_.type;
  switch (c) {
    case '.': t = Tok::Selection; break;
    case '*': t = Tok::Multiply; break;
    case '/': t = Tok::Divide; break;
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
      } else if (at(pos_) == '?' && at(pos_ + 1) == '=') {
        pos_ += 2;
        t = Tok::MetaEqual;
      } else if (at(pos_) == '!' && at(pos_ + 1) == '=') {
        pos_ += 2;
        t = Tok::MetaNotEqual;
      } else {
        t = Tok::BoundTo;
      }
      break;
    case '!': t = next('=') ? Tok::NotEqual : Tok::LogicalNot; break;
    default: t = Tok::Error; break;
  }
}

}  // namespace htcondor::classad
