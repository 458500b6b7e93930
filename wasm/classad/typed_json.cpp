#include "classad/typed_json.hpp"

#include <cmath>
#include <cstdio>
#include <cstring>

#include "classad/classad.hpp"
#include "classad/eval.hpp"
#include "classad/time_text.hpp"
#include "classad/unparse.hpp"
#include "classad/x86_conversions.hpp"

namespace htcondor::classad {

namespace {

constexpr int kMaxDepth = 4;          // nesting levels expanded
constexpr size_t kMaxMembers = 40;    // elements or attributes per level
constexpr size_t kMaxString = 20000;  // characters of a string value

std::string number(double d) {
  if (std::isnan(d)) return "\"nan\"";
  if (std::isinf(d)) return d < 0 ? "\"-inf\"" : "\"inf\"";
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", d);
  return buf;
}

// Evaluates a list member; a detached member is evaluated as if it sat in no ad.
bool evaluateWithin(const ExprTree& e, EvalState& state, bool detached, Value& out) {
  if (!detached) return evaluate(e, state, out);
  const ClassAd* scope = e.parentScope();
  e.setParentScope(nullptr);
  const bool ok = evaluate(e, state, out);
  e.setParentScope(scope);
  return ok;
}

class Writer {
 public:
  // Where a value being expanded came from. HTCondor's bindings copy a list out of the ad
  // whose attribute it is, so its members are evaluated with no scope and the ads in it are
  // seen empty (Origin::DetachedItem). A list or ad that was itself copied out of its place
  // (see copiedOut) is seen empty too (Origin::Copied); the corpus records exactly that.
  enum class Origin { Top, Attribute, DetachedItem, Copied };

  std::string value(const Value& v, int depth, Origin origin = Origin::Top) {
    std::string out = "{\"t\": \"" + typeName(v.type()) + "\"";
    switch (v.type()) {
      case Value::Type::Undefined: case Value::Type::Error: break;
      case Value::Type::Boolean: out += std::string(", \"v\": ") + (v.asBoolean() ? "true" : "false"); break;
      case Value::Type::Integer: out += ", \"v\": \"" + std::to_string(v.asInteger()) + "\""; break;
      case Value::Type::Real:
        out += ", \"v\": " + number(v.asReal()) + ", \"hex\": \"" + hexFloat(v.asReal()) + "\"";
        if (v.asReal() == 0 && std::signbit(v.asReal())) out += ", \"negzero\": true";
        break;
      case Value::Type::String: {
        const std::string& s = v.asString();
        if (!isValidUtf8(s)) {
          out += ", \"v\": null, \"invalid_utf8\": true, \"len\": " + std::to_string(s.size());
        } else if (s.size() > kMaxString) {
          out += ", \"v\": " + jsonString(s.substr(0, kMaxString)) + ", \"truncated\": true, \"len\": " +
                 std::to_string(s.size());
        } else {
          out += ", \"v\": " + jsonString(s);
        }
        break;
      }
      case Value::Type::AbsTime:
        out += ", \"secs\": " + std::to_string(v.asAbsTime().secs) + ", \"str\": " + jsonString(absTimeText(v.asAbsTime()));
        break;
      case Value::Type::RelTime:
        out += ", \"v\": " + number(v.asRelTime()) + ", \"hex\": \"" + hexFloat(v.asRelTime()) +
               "\", \"str\": " + jsonString(relTimeText(wholeSeconds(v)));
        break;
      case Value::Type::List:
        if (origin == Origin::Copied) return out + ", \"size\": 0, \"items\": [], \"unparse\": \"{  }\"}";
        list(*v.asList(), depth, origin != Origin::Top, out);
        break;
      case Value::Type::ClassAd:
        if (origin == Origin::DetachedItem || origin == Origin::Copied) {
          return out + ", \"size\": 0, \"attrs\": [], \"unparse\": \"[  ]\"}";
        }
        classAd(*v.asClassAd(), depth, origin == Origin::Attribute, out);
        break;
    }
    out += ", \"unparse\": " + jsonString(unparse(renderable(v))) + "}";
    return out;
  }

 private:
  static std::string typeName(Value::Type t) {
    switch (t) {
      case Value::Type::Undefined: return "undefined";
      case Value::Type::Error: return "error";
      case Value::Type::Boolean: return "boolean";
      case Value::Type::Integer: return "integer";
      case Value::Type::Real: return "real";
      case Value::Type::String: return "string";
      case Value::Type::AbsTime: return "abstime";
      case Value::Type::RelTime: return "reltime";
      case Value::Type::List: return "list";
      case Value::Type::ClassAd: return "classad";
    }
    return "?";
  }

  // A relative time's seconds as HTCondor's literal conversion keeps them: through a C int
  // (so out of range, infinite and NaN give INT_MIN, as on x86-64).
  static double wholeSeconds(const Value& v) { return x86ToInt32(v.asRelTime()); }

  // Relative times render from whole seconds.
  static Value renderable(const Value& v) { return v.isRelTime() ? Value::relTime(wholeSeconds(v)) : v; }

  // A failure inside an expanded list or ad is absorbed as an error value.
  static constexpr const char* kAbsorbedFailure = "{\"t\": \"error\", \"unparse\": \"error\"}";

  // Whether a list item was copied out of its place when the list was made or copied: a list
  // or ad node in a copied (detached) list, or a list or ad value a function copied into the
  // list it built (a literal holding it, as evalInEachContext makes).
  static bool copiedOut(const ExprTree& item, bool detached) {
    if (item.kind() == ExprTree::Kind::List || item.kind() == ExprTree::Kind::ClassAd) return detached;
    if (item.kind() != ExprTree::Kind::Literal) return false;
    const Value& v = static_cast<const Literal&>(item).value();
    return v.isList() || v.isClassAd();
  }

  static Origin itemOrigin(const ExprTree& item, bool detached) {
    if (copiedOut(item, detached)) return Origin::Copied;
    return detached ? Origin::DetachedItem : Origin::Top;
  }

  void list(const ExprList& l, int depth, bool detached, std::string& out) {
    out += ", \"size\": " + std::to_string(l.size());
    if (depth >= kMaxDepth) {
      out += ", \"truncated\": true";
      return;
    }
    out += ", \"items\": [";
    for (size_t i = 0; i < l.size() && i < kMaxMembers; ++i) {
      if (i) out += ", ";
      EvalState inner;
      inner.setScopes(detached ? nullptr : l.parentScope());
      Value item;
      const ExprTree& expr = *l.items()[i];
      out += evaluateWithin(expr, inner, detached, item) ? value(item, depth + 1, itemOrigin(expr, detached))
                                                         : kAbsorbedFailure;
    }
    out += "]";
    if (l.size() > kMaxMembers) out += ", \"truncated\": true";
  }

  // A detached ad is seen without its enclosing ad and its matchmaking target.
  void classAd(const ClassAd& ad, int depth, bool detached, std::string& out) {
    out += ", \"size\": " + std::to_string(ad.size());
    if (depth >= kMaxDepth) {
      out += ", \"truncated\": true";
      return;
    }
    const ClassAd* parent = ad.parentScope();
    const ClassAd* target = ad.target();
    if (detached) {
      ad.setParentScope(nullptr);
      ad.setTarget(nullptr);
    }
    out += ", \"attrs\": [";
    size_t n = 0;
    for (const auto& [name, expr] : ad.attributes()) {
      if (n == kMaxMembers) break;
      if (n++) out += ", ";
      EvalState inner;
      inner.setScopes(&ad);
      Value v;
      out += "[" + jsonString(name) + ", " + (evaluate(*expr, inner, v) ? value(v, depth + 1, Origin::Attribute) : kAbsorbedFailure) + "]";
    }
    out += "]";
    if (ad.size() > kMaxMembers) out += ", \"truncated\": true";
    ad.setParentScope(parent);
    ad.setTarget(target);
  }
};

}  // namespace

std::string typedJson(const Value& value) { return Writer().value(value, 0); }

std::string hexFloat(double d) {
  if (std::isnan(d)) return "nan";
  if (std::isinf(d)) return d < 0 ? "-inf" : "inf";
  std::string sign = std::signbit(d) ? "-" : "";
  d = std::fabs(d);
  if (d == 0) return sign + "0x0.0p+0";
  uint64_t bits;
  std::memcpy(&bits, &d, sizeof bits);
  int exponent = static_cast<int>((bits >> 52) & 0x7FF);
  uint64_t mantissa = bits & ((uint64_t{1} << 52) - 1);
  int lead = 1;
  if (exponent == 0) {  // subnormal
    lead = 0;
    exponent = -1022;
  } else {
    exponent -= 1023;
  }
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s0x%d.%013llxp%+d", sign.c_str(), lead, static_cast<unsigned long long>(mantissa),
                exponent);
  return buf;
}

std::string jsonString(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

bool isValidUtf8(const std::string& s) {
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n;
    uint32_t cp;
    if (c < 0x80) { ++i; continue; }
    if ((c & 0xE0) == 0xC0) { n = 1; cp = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { n = 2; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { n = 3; cp = c & 0x07; }
    else return false;
    for (size_t k = 1; k <= n; ++k) {
      if (i + k >= s.size()) return false;
      const unsigned char cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    i += n + 1;
  }
  return true;
}

}  // namespace htcondor::classad
