#include "classad/json_writer.hpp"

#include <cmath>
#include <cstdio>
#include <cstring>

#include "classad/unparse.hpp"

namespace htcondor::classad {

namespace {

class JsonWriter {
 public:
  void expr(const ExprTree& e) {
    switch (e.kind()) {
      case ExprTree::Kind::Literal: value(static_cast<const Literal&>(e).value()); return;
      case ExprTree::Kind::List: list(static_cast<const ExprList&>(e).items()); return;
      case ExprTree::Kind::ClassAd: classAd(static_cast<const ClassAd&>(e)); return;
      default: quotedExpr(unparse(e)); return;
    }
  }

  void classAd(const ClassAd& ad) {
    out += '{';
    indent_ += 2;
    bool first = true;
    for (const auto& [name, e] : ad.attributes()) {
      if (!first) out += ',';
      first = false;
      newline();
      out += '"';
      escaped(name);
      out += "\": ";
      expr(*e);
    }
    indent_ -= 2;
    newline();
    out += '}';
  }

  std::string out;

 private:
  void value(const Value& v) {
    switch (v.type()) {
      case Value::Type::Undefined: out += "null"; return;
      case Value::Type::Boolean: out += v.asBoolean() ? "true" : "false"; return;
      case Value::Type::Integer: out += std::to_string(v.asInteger()); return;
      case Value::Type::Real: real(v.asReal()); return;
      // HTCondor's literal of a relative time yields its seconds as a real.
      case Value::Type::RelTime: real(v.asRelTime()); return;
      case Value::Type::String:
        out += '"';
        escaped(v.asString());
        out += '"';
        return;
      case Value::Type::List: list(v.asList()->items()); return;
      case Value::Type::ClassAd: classAd(*v.asClassAd()); return;
      default: quotedExpr(unparse(v)); return;  // error, absTime
    }
  }

  void real(double r) {
    if (std::isnan(r) || std::isinf(r)) {
      quotedExpr(unparse(Value::real(r)));
      return;
    }
    char buf[64];
    if (r == 0.0) {
      std::snprintf(buf, sizeof buf, "%.1f", r);
    } else {
      std::snprintf(buf, sizeof buf, "%.16G", r);
      if (buf[std::strcspn(buf, ".Ee")] == '\0') std::strcat(buf, ".0");
    }
    out += buf;
  }

  void list(const std::vector<ExprPtr>& items) {
    out += '[';
    indent_ += 2;
    for (size_t i = 0; i < items.size(); ++i) {
      if (i) out += ',';
      newline();
      expr(*items[i]);
    }
    indent_ -= 2;
    newline();
    out += ']';
  }

  void quotedExpr(const std::string& text) {
    out += "\"\\/Expr(";
    escaped(text);
    out += ")\\/\"";
  }

  // HTCondor's JSON escapes; bytes from 0x80 up pass as they are.
  void escaped(const std::string& s) {
    for (char c : s) {
      switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
          if (c > 0 && c < 32) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u00%02X", c);
            out += buf;
          } else {
            out += c;
          }
      }
    }
  }

  void newline() {
    out += '\n';
    out.append(static_cast<size_t>(indent_), ' ');
  }

  int indent_ = 0;
};

}  // namespace

std::string printJson(const ClassAd& ad) {
  JsonWriter writer;
  writer.classAd(ad);
  return std::move(writer.out);
}

}  // namespace htcondor::classad
