#include "classad/json_parser.hpp"

#include <strings.h>

#include "classad/parser.hpp"

namespace htcondor::classad {

namespace {

constexpr int kMaxDepth = 1000;  // as the ClassAd parser: nesting beyond this is refused

// Counts one level of nesting for as long as it lives.
struct Nesting {
  int& depth;
  explicit Nesting(int& d) : depth(++d) {}
  ~Nesting() { --depth; }
  Nesting(const Nesting&) = delete;
  Nesting& operator=(const Nesting&) = delete;
};

}  // namespace

std::shared_ptr<ClassAd> JsonParser::parseClassAd() {
  Nesting nesting(depth_);
  if (depth_ > kMaxDepth || lexer_.consume().type != Tok::OpenBrace) return nullptr;
  auto ad = std::make_shared<ClassAd>();
  while (lexer_.peek().type != Tok::CloseBrace) {
    Token name = lexer_.consume();
    if (name.type == Tok::Comma) continue;  // HTCondor tolerates stray commas, as ';' in ads
    if (name.type != Tok::String || lexer_.consume().type != Tok::Colon) return nullptr;
    ExprPtr v = value();
    if (!v || name.text.empty()) return nullptr;  // HTCondor does not insert an empty name
    ad->insert(std::move(name.text), std::move(v));
    Tok t = lexer_.peek().type;
    if (t != Tok::Comma && t != Tok::CloseBrace) return nullptr;
    while (lexer_.peek().type == Tok::Comma) lexer_.consume();
  }
  lexer_.consume();
  return ad;
}

ExprPtr JsonParser::value() {
  switch (lexer_.peek().type) {
    case Tok::OpenBrace: return parseClassAd();
    case Tok::OpenBox: return list();
    case Tok::Undefined: lexer_.consume(); return std::make_shared<Literal>(Value::undefined());
    case Tok::Boolean: return std::make_shared<Literal>(Value::boolean(lexer_.consume().boolean));
    case Tok::Integer: return std::make_shared<Literal>(Value::integer(lexer_.consume().integer));
    case Tok::Real: return std::make_shared<Literal>(Value::real(lexer_.consume().real));
    case Tok::String: return string();
    default: return nullptr;
  }
}

ExprPtr JsonParser::list() {
  Nesting nesting(depth_);
  if (depth_ > kMaxDepth) return nullptr;
  lexer_.consume();  // '['
  std::vector<ExprPtr> items;
  while (lexer_.peek().type != Tok::CloseBox) {
    ExprPtr item = value();
    if (!item) return nullptr;
    items.push_back(std::move(item));
    Tok t = lexer_.peek().type;
    if (t == Tok::Comma) lexer_.consume();
    else if (t != Tok::CloseBox) return nullptr;
  }
  lexer_.consume();
  return std::make_shared<ExprList>(std::move(items));
}

// A string, or the expression of a "\/Expr(...)\/" string: that must parse as a whole.
ExprPtr JsonParser::string() {
  Token tok = lexer_.consume();
  const std::string& s = tok.text;
  if (tok.quotedExpr && s.size() >= 8 && strncasecmp(s.c_str(), "/Expr(", 6) == 0 &&
      s.compare(s.size() - 2, 2, ")/") == 0) {
    return parseExpression(std::string_view(s).substr(6, s.size() - 8));
  }
  return std::make_shared<Literal>(Value::string(std::move(tok.text)));
}

}  // namespace htcondor::classad
