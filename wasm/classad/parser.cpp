#include "classad/parser.hpp"

#include <strings.h>

#include "classad/literals.hpp"
#include "classad/time_text.hpp"

namespace htcondor::classad {

namespace {

constexpr int kMaxDepth = 1000;  // HTCondor's own limit on expression nesting

// A binary operator and its precedence level, loosest (0, ||) to tightest (9, * / %); ?: is
// looser and the unary operators tighter. Every level is left-associative.
struct BinaryOp {
  int level;
  Op op;
};
constexpr int kNoOperator = -1;

BinaryOp binaryOp(Tok t) {
  switch (t) {
    case Tok::LogicalOr: return {0, Op::LogicalOr};
    case Tok::LogicalAnd: return {1, Op::LogicalAnd};
    case Tok::BitwiseOr: return {2, Op::BitwiseOr};
    case Tok::BitwiseXor: return {3, Op::BitwiseXor};
    case Tok::BitwiseAnd: return {4, Op::BitwiseAnd};
    case Tok::Equal: return {5, Op::Equal};
    case Tok::NotEqual: return {5, Op::NotEqual};
    case Tok::MetaEqual: return {5, Op::MetaEqual};
    case Tok::MetaNotEqual: return {5, Op::MetaNotEqual};
    case Tok::LessThan: return {6, Op::LessThan};
    case Tok::GreaterThan: return {6, Op::GreaterThan};
    case Tok::LessOrEqual: return {6, Op::LessOrEqual};
    case Tok::GreaterOrEqual: return {6, Op::GreaterOrEqual};
    case Tok::LeftShift: return {7, Op::LeftShift};
    case Tok::RightShift: return {7, Op::RightShift};
    case Tok::URightShift: return {7, Op::URightShift};
    case Tok::Plus: return {8, Op::Add};
    case Tok::Minus: return {8, Op::Subtract};
    case Tok::Multiply: return {9, Op::Multiply};
    case Tok::Divide: return {9, Op::Divide};
    case Tok::Modulus: return {9, Op::Modulus};
    default: return {kNoOperator, Op::Add};
  }
}

}  // namespace

ExprPtr Parser::fail(std::string message) {
  if (error_.empty()) error_ = std::move(message);
  return nullptr;
}

ExprPtr Parser::parseExpression(bool full) {
  ExprPtr tree = expression();
  if (!tree) return nullptr;
  if (full && lexer_.consume().type != Tok::End) return fail("unexpected text after the expression");
  return tree;
}

ExprPtr Parser::expression() {
  struct Depth {
    int& d;
    explicit Depth(int& depth) : d(++depth) {}
    ~Depth() { --d; }
  } guard(depth_);
  if (depth_ > kMaxDepth) return fail("expression nested too deeply");

  ExprPtr cond = binary(0);
  if (!cond) return nullptr;
  if (lexer_.peek().type != Tok::QMark) return cond;
  lexer_.consume();
  ExprPtr middle;
  if (lexer_.peek().type == Tok::Colon) {
    lexer_.consume();  // `a ?: b`
  } else {
    middle = expression();
    if (!middle) return nullptr;
    if (lexer_.consume().type != Tok::Colon) return fail("expected ':' in a conditional expression");
  }
  ExprPtr otherwise = expression();
  if (!otherwise) return nullptr;
  return std::make_shared<Operation>(Op::Ternary, cond, middle, otherwise);
}

// Precedence climbing: an operand, then operators of `minLevel` or tighter, each taking as its
// right operand what binds tighter than itself. A lone operand costs one token look, not one
// per level (most values in ads are literals).
ExprPtr Parser::binary(int minLevel) {
  ExprPtr tree = unary();
  while (tree) {
    const BinaryOp next = binaryOp(lexer_.peek().type);
    if (next.level < minLevel) break;
    lexer_.consume();
    ExprPtr right = binary(next.level + 1);
    if (!right) return nullptr;
    tree = std::make_shared<Operation>(next.op, tree, right);
  }
  return tree;
}

ExprPtr Parser::unary() {
  Op op;
  switch (lexer_.peek().type) {
    case Tok::Minus: op = Op::UnaryMinus; break;
    case Tok::Plus: op = Op::UnaryPlus; break;
    case Tok::BitwiseNot: op = Op::BitwiseNot; break;
    case Tok::LogicalNot: op = Op::LogicalNot; break;
    default: return postfix();
  }
  lexer_.consume();
  if (++depth_ > kMaxDepth) return fail("expression nested too deeply");
  ExprPtr operand = unary();
  --depth_;
  if (!operand) return nullptr;
  return std::make_shared<Operation>(op, operand);
}

ExprPtr Parser::postfix() {
  ExprPtr tree = primary();
  while (tree) {
    const Tok t = lexer_.peek().type;
    if (t == Tok::OpenBox) {
      lexer_.consume();
      ExprPtr index = expression();
      if (!index) return nullptr;
      if (lexer_.consume().type != Tok::CloseBox) return fail("expected ']' after a subscript");
      tree = std::make_shared<Operation>(Op::Subscript, tree, index);
    } else if (t == Tok::Selection) {
      lexer_.consume();
      Token name = lexer_.consume();
      if (name.type != Tok::Identifier) return fail("expected an attribute name after '.'");
      tree = std::make_shared<AttrRef>(tree, std::move(name.text), false);
    } else {
      break;
    }
  }
  return tree;
}

ExprPtr Parser::primary() {
  const Token& next = lexer_.peek();
  switch (next.type) {
    case Tok::Identifier: {
      Token name = lexer_.consume();
      if (lexer_.peek().type != Tok::OpenParen) return std::make_shared<AttrRef>(nullptr, std::move(name.text), false);
      lexer_.consume();
      std::vector<ExprPtr> args;
      if (!sequence(Tok::CloseParen, args)) return fail("expected ',' or ')' in an argument list");
      lexer_.consume();
      // absTime("...") and relTime("...") of a string literal are literals.
      if (args.size() == 1 && args[0]->kind() == ExprTree::Kind::Literal) {
        const Value& v = static_cast<const Literal&>(*args[0]).value();
        if (v.isString()) {
          std::optional<Value> time;
          if (strcasecmp(name.text.c_str(), "absTime") == 0) time = absTimeFromText(v.asString());
          else if (strcasecmp(name.text.c_str(), "relTime") == 0) time = relTimeFromText(v.asString());
          else return std::make_shared<FunctionCall>(std::move(name.text), std::move(args));
          // HTCondor rejects the whole expression when the literal time text is invalid.
          return time ? literalOf(*time) : fail("invalid time literal");
        }
      }
      return std::make_shared<FunctionCall>(std::move(name.text), std::move(args));
    }
    case Tok::Selection: {
      lexer_.consume();
      Token name = lexer_.consume();
      if (name.type != Tok::Identifier) return fail("expected an attribute name after '.'");
      return std::make_shared<AttrRef>(nullptr, std::move(name.text), true);
    }
    case Tok::OpenParen: {
      lexer_.consume();
      ExprPtr inner = expression();
      if (!inner) return nullptr;
      if (lexer_.consume().type != Tok::CloseParen) return fail("expected ')'");
      return std::make_shared<Operation>(Op::Parentheses, inner);
    }
    case Tok::OpenBox: return classAd();
    case Tok::OpenBrace: return list();
    case Tok::Undefined: lexer_.consume(); return literalOf(Value::undefined());
    case Tok::ErrorValue: lexer_.consume(); return literalOf(Value::error());
    case Tok::Boolean: return literalOf(Value::boolean(lexer_.consume().boolean));
    case Tok::Integer: return literalOf(Value::integer(lexer_.consume().integer));
    case Tok::Real: return literalOf(Value::real(lexer_.consume().real));
    case Tok::String: return literalOf(Value::string(lexer_.consume().text));
    default: return fail("unexpected token");
  }
}

std::shared_ptr<ClassAd> Parser::classAd() {
  if (lexer_.consume().type != Tok::OpenBox) {
    fail("expected '['");
    return nullptr;
  }
  auto ad = std::make_shared<ClassAd>();
  while (lexer_.peek().type != Tok::CloseBox) {
    Token name = lexer_.consume();
    if (name.type == Tok::Semicolon) continue;
    if (name.type != Tok::Identifier) {
      fail("expected an attribute name in an ad");
      return nullptr;
    }
    if (lexer_.consume().type != Tok::BoundTo) {
      fail("expected '=' after an attribute name");
      return nullptr;
    }
    ExprPtr value = expression();
    if (!value) return nullptr;
    if (name.text.empty()) {  // '' names an attribute HTCondor will not insert
      fail("empty attribute name");
      return nullptr;
    }
    ad->insert(std::move(name.text), std::move(value));
    Tok t = lexer_.peek().type;
    if (t != Tok::Semicolon && t != Tok::CloseBox) {
      fail("expected ';' or ']' in an ad");
      return nullptr;
    }
    while (lexer_.peek().type == Tok::Semicolon) lexer_.consume();
  }
  lexer_.consume();
  return ad;
}

std::shared_ptr<ClassAd> Parser::parseClassAd(bool full) {
  auto ad = classAd();
  if (ad && full && lexer_.consume().type != Tok::End) {
    fail("unexpected text after the ad");
    return nullptr;
  }
  return ad;
}

ExprPtr Parser::list() {
  lexer_.consume();  // '{'
  std::vector<ExprPtr> items;
  if (!sequence(Tok::CloseBrace, items)) return fail("expected ',' or '}' in a list");
  lexer_.consume();
  return std::make_shared<ExprList>(std::move(items));
}

bool Parser::sequence(Tok close, std::vector<ExprPtr>& out) {
  // A comma must be followed by another expression: HTCondor rejects "f(1,)" and "{1,}".
  bool more = lexer_.peek().type != close;
  while (more) {
    ExprPtr e = expression();
    if (!e) return false;
    out.push_back(std::move(e));
    more = lexer_.peek().type == Tok::Comma;
    if (more) lexer_.consume();
    else if (lexer_.peek().type != close) return false;
  }
  return true;
}

ExprPtr parseExpression(std::string_view text, std::string* error) {
  Parser parser(text);
  ExprPtr tree = parser.parseExpression();
  if (!tree && error) *error = parser.error();
  return tree;
}

}  // namespace htcondor::classad
