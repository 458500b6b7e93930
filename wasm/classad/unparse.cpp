#include "classad/unparse.hpp"

#include <strings.h>

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "classad/time_text.hpp"

namespace htcondor::classad {

namespace {

const char* opText(Op op) {
  switch (op) {
    case Op::LessThan: return " < ";
    case Op::LessOrEqual: return " <= ";
    case Op::NotEqual: return " != ";
    case Op::Equal: return " == ";
    case Op::GreaterOrEqual: return " >= ";
    case Op::GreaterThan: return " > ";
    case Op::MetaEqual: return " is ";
    case Op::MetaNotEqual: return " isnt ";
    case Op::UnaryPlus: return " +";
    case Op::UnaryMinus: return " -";
    case Op::Add: return " + ";
    case Op::Subtract: return " - ";
    case Op::Multiply: return " * ";
    case Op::Divide: return " / ";
    case Op::Modulus: return " % ";
    case Op::LogicalNot: return " !";
    case Op::LogicalOr: return " || ";
    case Op::LogicalAnd: return " && ";
    case Op::BitwiseNot: return " ~";
    case Op::BitwiseOr: return " | ";
    case Op::BitwiseXor: return " ^ ";
    case Op::BitwiseAnd: return " & ";
    case Op::LeftShift: return " << ";
    case Op::RightShift: return " >> ";
    case Op::URightShift: return " >>> ";
    case Op::Parentheses: return " () ";
    case Op::Subscript: return " [] ";
    case Op::Ternary: return " ?: ";
  }
  return "";
}

bool needsQuoting(const std::string& name) {
  static const char* const reserved[] = {"error", "false", "is", "isnt", "parent", "true", "undefined"};
  const char* c = name.c_str();
  bool quote;
  if (!std::isalpha(static_cast<unsigned char>(*c)) && *c != '_') {
    quote = true;
  } else {
    ++c;
    while (std::isalnum(static_cast<unsigned char>(*c)) || *c == '_') ++c;
    quote = *c != '\0';
  }
  for (const char* word : reserved) {
    if (strcasecmp(word, name.c_str()) == 0) quote = true;
  }
  return quote;
}

class Unparser {
 public:
  explicit Unparser(Style style) : style_(style) {}

  void expr(const ExprTree& e) {
    switch (e.kind()) {
      case ExprTree::Kind::Literal: value(static_cast<const Literal&>(e).value()); return;
      case ExprTree::Kind::AttrRef: attrRef(static_cast<const AttrRef&>(e)); return;
      case ExprTree::Kind::Operation: operation(static_cast<const Operation&>(e)); return;
      case ExprTree::Kind::FunctionCall: {
        const auto& call = static_cast<const FunctionCall&>(e);
        out += call.name();
        out += '(';
        for (size_t i = 0; i < call.args().size(); ++i) {
          if (i) out += ',';
          expr(*call.args()[i]);
        }
        out += ')';
        return;
      }
      case ExprTree::Kind::List: list(static_cast<const ExprList&>(e)); return;
      case ExprTree::Kind::ClassAd: classAd(static_cast<const ClassAd&>(e)); return;
    }
  }

  void value(const Value& v) {
    switch (v.type()) {
      case Value::Type::Undefined: out += "undefined"; return;
      case Value::Type::Error: out += "error"; return;
      case Value::Type::Boolean: out += v.asBoolean() ? "true" : "false"; return;
      case Value::Type::Integer: out += std::to_string(v.asInteger()); return;
      case Value::Type::Real: real(v.asReal()); return;
      case Value::Type::String: string(v.asString(), '"'); return;
      case Value::Type::AbsTime:
        out += "absTime(\"" + absTimeText(v.asAbsTime()) + "\")";
        return;
      case Value::Type::RelTime:
        out += "relTime(\"" + relTimeText(v.asRelTime()) + "\")";
        return;
      case Value::Type::List: list(*v.asList()); return;
      case Value::Type::ClassAd: classAd(*v.asClassAd()); return;
    }
  }

  void string(const std::string& s, char delim) {
    out += '"';
    for (char c : s) {
      if (c == delim) {
        out += delim == '"' ? "\\\"" : "\\'";
        continue;
      }
      if (style_ != Style::Old) {
        switch (c) {
          case '\a': out += "\\a"; continue;
          case '\b': out += "\\b"; continue;
          case '\f': out += "\\f"; continue;
          case '\n': out += "\\n"; continue;
          case '\r': out += "\\r"; continue;
          case '\t': out += "\\t"; continue;
          case '\v': out += "\\v"; continue;
          case '\\': out += "\\\\"; continue;
          default:
            if (!std::isprint(static_cast<unsigned char>(c))) {
              char buf[8];
              std::snprintf(buf, sizeof buf, "\\%03o", static_cast<unsigned char>(c));
              out += buf;
              continue;
            }
        }
      }
      out += c;
    }
    out += '"';
  }

  void attrName(const std::string& name) {
    // Quoted as a string is, with '...': in old syntax that escapes only the quote.
    Unparser quoted(style_ == Style::Old ? Style::Old : Style::Canonical);
    quoted.string(name, '\'');
    std::string text = quoted.out.substr(1, quoted.out.size() - 2);
    out += needsQuoting(text) ? "'" + text + "'" : text;
  }

  std::string out;

 private:
  void real(double r) {
    char buf[64];
    if (r == 0.0) {
      std::snprintf(buf, sizeof buf, "%.1f", r);
    } else if (std::isnan(r)) {
      out += "real(\"NaN\")";
      return;
    } else if (std::isinf(r)) {
      out += r < 0 ? "real(\"-INF\")" : "real(\"INF\")";
      return;
    } else if (style_ == Style::Old) {
      std::snprintf(buf, sizeof buf, "%.16G", r);
      if (buf[std::strcspn(buf, ".Ee")] == '\0') std::strcat(buf, ".0");
    } else {
      std::snprintf(buf, sizeof buf, "%1.15E", r);
    }
    out += buf;
  }

  void attrRef(const AttrRef& ref) {
    if (ref.scope()) {
      expr(*ref.scope());
      out += '.';
      out += ref.name();
      return;
    }
    if (ref.absolute()) out += '.';
    attrName(ref.name());
  }

  void operation(const Operation& o) {
    const Op op = o.op();
    switch (op) {
      case Op::Parentheses:
        out += '(';
        expr(*o.arg(0));
        out += ')';
        return;
      case Op::UnaryPlus: case Op::UnaryMinus: case Op::LogicalNot: case Op::BitwiseNot:
        out += opText(op);
        expr(*o.arg(0));
        return;
      case Op::Ternary:
        expr(*o.arg(0));
        if (o.arg(1)) {
          out += " ? ";
          expr(*o.arg(1));
          out += " : ";
        } else {
          out += " ?: ";
        }
        expr(*o.arg(2));
        return;
      case Op::Subscript:
        expr(*o.arg(0));
        out += '[';
        expr(*o.arg(1));
        out += ']';
        return;
      default:
        expr(*o.arg(0));
        if (style_ == Style::Old && op == Op::MetaEqual) out += " =?= ";
        else if (style_ == Style::Old && op == Op::MetaNotEqual) out += " =!= ";
        else out += opText(op);
        expr(*o.arg(1));
        return;
    }
  }

  void list(const ExprList& l) {
    if (style_ == Style::Pretty) {
      indent_ += 3;
      out += '\n' + std::string(static_cast<size_t>(indent_), ' ') + '{';
      indent_ += 3;
    } else {
      out += "{ ";
    }
    for (size_t i = 0; i < l.size(); ++i) {
      if (style_ == Style::Pretty) out += '\n' + std::string(static_cast<size_t>(indent_), ' ');
      expr(*l.items()[i]);
      if (i + 1 < l.size()) out += ',';
    }
    if (style_ == Style::Pretty) {
      indent_ -= 3;
      out += '\n' + std::string(static_cast<size_t>(indent_), ' ') + '}';
      indent_ -= 3;
    } else {
      out += " }";
    }
  }

  void classAd(const ClassAd& ad) {
    if (style_ == Style::Pretty) {
      indent_ += 4;
      out += '\n' + std::string(static_cast<size_t>(indent_), ' ') + '[';
      indent_ += 4;
    } else {
      out += "[ ";
    }
    size_t n = 0;
    for (const auto& [name, e] : ad.attributes()) {
      if (style_ == Style::Pretty) out += '\n' + std::string(static_cast<size_t>(indent_), ' ');
      attrName(name);
      out += " = ";
      expr(*e);
      if (++n < ad.size()) out += "; ";
    }
    if (style_ == Style::Pretty) {
      indent_ -= 4;
      out += '\n' + std::string(static_cast<size_t>(indent_), ' ') + ']';
      indent_ -= 4;
    } else {
      out += " ]";
    }
  }

  Style style_;
  int indent_ = 0;
};

}  // namespace

std::string unparse(const ExprTree& expr, Style style) {
  Unparser u(style);
  u.expr(expr);
  return std::move(u.out);
}

std::string unparse(const Value& value, Style style) {
  Unparser u(style);
  u.value(value);
  return std::move(u.out);
}

std::string quoteString(const std::string& s) {
  Unparser u(Style::Canonical);
  u.string(s, '"');
  return std::move(u.out);
}

std::string unparseAttrName(const std::string& name) {
  Unparser u(Style::Canonical);
  u.attrName(name);
  return std::move(u.out);
}

std::string unparseOldAttributes(const ClassAd& ad) {
  Unparser u(Style::Old);
  size_t n = 0;
  for (const auto& [name, e] : ad.attributes()) {
    u.attrName(name);
    u.out += " = ";
    u.expr(*e);
    if (++n < ad.size()) u.out += '\n';
  }
  u.out += '\n';  // HTCondor ends the lines with a newline, even when there are none
  return std::move(u.out);
}

}  // namespace htcondor::classad
