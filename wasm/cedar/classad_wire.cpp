#include "cedar/classad_wire.hpp"

#include <array>
#include <cctype>
#include <string>
#include <utility>

#include "classad/functions.hpp"
#include "classad/lexer.hpp"
#include "classad/old_syntax.hpp"
#include "classad/unparse.hpp"

namespace htcondor::cedar {

namespace cl = htcondor::classad;

namespace {

bool equalsNoCase(std::string_view a, std::string_view b) {
  const cl::CaselessLess less;
  return !less(a, b) && !less(b, a);
}

// A line for error messages: long values are cut.
std::string excerpt(std::string_view line) {
  constexpr size_t kMax = 120;
  return line.size() <= kMax ? std::string(line) : std::string(line.substr(0, kMax)) + "...";
}

Status putTrailer(MessageWriter& out, const PutAdOptions& options) {
  if (options.serverTime) out.putString("ServerTime = " + std::to_string(*options.serverTime));
  if (!options.noTypes) out.putString("").putString("");
  if (out.error()) return Failure<Error>{*out.error()};
  return ok();
}

// getPODClassAd's check: the right-hand side is exactly one literal token (old-syntax lexer).
std::optional<cl::Value> singleLiteral(std::string_view rhs) {
  cl::Lexer lexer(rhs, cl::LexMode::Old);
  const cl::Token token = lexer.consume();
  std::optional<cl::Value> value;
  switch (token.type) {
    case cl::Tok::Integer: value = cl::Value::integer(token.integer); break;
    case cl::Tok::Real: value = cl::Value::real(token.real); break;
    case cl::Tok::String: value = cl::Value::string(token.text); break;
    case cl::Tok::Boolean: value = cl::Value::boolean(token.boolean); break;
    case cl::Tok::Undefined: value = cl::Value::undefined(); break;
    case cl::Tok::ErrorValue: value = cl::Value::error(); break;
    default: return std::nullopt;
  }
  if (lexer.peek().type != cl::Tok::End) return std::nullopt;
  return value;
}

// One literal-only line (getPODClassAd): split at the first '=' as SplitLongFormAttrValue
// does, then require a single literal.
Status insertLiteralLine(cl::ClassAd& ad, std::string_view line) {
  size_t start = 0;
  while (start < line.size() && std::isspace(static_cast<unsigned char>(line[start]))) ++start;
  const size_t eq = line.find('=', start);
  size_t nameEnd = eq == std::string_view::npos ? start : eq;
  while (nameEnd > start && line[nameEnd - 1] == ' ') --nameEnd;
  if (nameEnd == start) return fail(Errc::BadAttribute, "attribute line without 'Name =': " + excerpt(line));
  size_t rhs = eq + 1;
  while (rhs < line.size() && line[rhs] == ' ') ++rhs;
  std::optional<cl::Value> value = singleLiteral(line.substr(rhs));
  if (!value) return fail(Errc::BadAttribute, "attribute value is not a single literal: " + excerpt(line));
  ad.insert(std::string(line.substr(start, nameEnd - start)), std::make_shared<cl::Literal>(std::move(*value)));
  return ok();
}

}  // namespace

bool isPrivateAttributeV1(std::string_view name) {
  static constexpr std::array<std::string_view, 6> kNames = {"Capability", "ChildClaimIds", "ClaimId",
                                                             "ClaimIdList", "ClaimIds", "TransferKey"};
  for (std::string_view n : kNames)
    if (equalsNoCase(name, n)) return true;
  return false;
}

bool isPrivateAttributeV2(std::string_view name) {
  constexpr std::string_view kPrefix = "_condor_priv";
  return name.size() >= kPrefix.size() && equalsNoCase(name.substr(0, kPrefix.size()), kPrefix);
}

std::string attributeLine(std::string_view name, const cl::ExprTree& expr) {
  std::string line(name);
  line += " = ";
  line += cl::unparse(expr, cl::Style::Old);
  return line;
}

Status putClassAd(MessageWriter& out, const cl::ClassAd& ad, const PutAdOptions& options) {
  const bool withholdV2 = options.noPrivate || !options.peerKnowsPrivateV2;
  // With nothing withheld, private attributes are ordinary lines. We never hold a legacy
  // (BLOWFISH/3DES) key, so the stream is AES-encrypted or unkeyed and a "secret" line is
  // written like any other: only the ZKM marker in front of it remains.
  const bool plain = !options.noPrivate && !withholdV2;
  auto withheld = [&](const std::string& name) {
    return (options.noPrivate && (isPrivateAttributeV1(name) || isPrivateAttributeV2(name))) ||
           (withholdV2 && isPrivateAttributeV2(name));
  };

  int64_t count = options.serverTime ? 1 : 0;
  for (const auto& [name, expr] : ad.attributes())
    if (plain || !withheld(name)) ++count;
  out.putInt(count);
  for (const auto& [name, expr] : ad.attributes()) {
    if (!plain && withheld(name)) continue;
    if (!plain && (isPrivateAttributeV1(name) || isPrivateAttributeV2(name))) out.putString(kPrivateMarker);
    out.putString(attributeLine(name, *expr));
  }
  return putTrailer(out, options);
}

Status putClassAd(MessageWriter& out, const cl::ClassAd& ad, const cl::References& whitelist,
                  const PutAdOptions& options) {
  const bool withholdV2 = options.noPrivate || !options.peerKnowsPrivateV2;
  cl::References expanded;
  if (options.expandWhitelist) {
    for (const std::string& name : whitelist) {
      const cl::ExprPtr expr = ad.lookup(name);
      if (!expr) continue;
      expanded.insert(name);
      if (expr->kind() != cl::ExprTree::Kind::Literal) (void)cl::internalReferences(ad, *expr, expanded);
    }
  }
  const cl::References& names = options.expandWhitelist ? expanded : whitelist;

  std::vector<std::pair<const std::string*, cl::ExprPtr>> send;
  for (const std::string& name : names) {
    cl::ExprPtr expr = ad.lookup(name);
    if (!expr) continue;
    if (options.noPrivate && isPrivateAttributeV1(name)) continue;
    if (withholdV2 && isPrivateAttributeV2(name)) continue;
    // ServerTime is sent once, at the end, with the caller's value.
    if (options.serverTime && equalsNoCase(name, "ServerTime")) continue;
    send.emplace_back(&name, std::move(expr));
  }
  out.putInt(static_cast<int64_t>(send.size()) + (options.serverTime ? 1 : 0));
  for (const auto& [name, expr] : send) out.putString(attributeLine(*name, *expr));
  return putTrailer(out, options);
}

namespace {

// The attribute lines of one ad, each handed to `line` (which fails the ad by returning an
// error), then the trailing MyType/TargetType slots.
template <class OnLine>
Status readAdLines(MessageReader& in, const GetAdOptions& options, OnLine&& line) {
  Result<int32_t> count = in.getInt();
  if (!count) return Failure<Error>{count.error()};
  const int32_t limit = options.literalsOnly ? kMaxPodAdAttributes : kMaxAdAttributes;
  if (*count < 0 || *count > limit)
    return fail(Errc::BadAttributeCount,
                "ClassAd attribute count " + std::to_string(*count) + " (allowed 0.." + std::to_string(limit) + ")");
  for (int32_t i = 0; i < *count; ++i) {
    Result<std::optional<std::string>> text = in.getNullableString();
    if (!text) return Failure<Error>{text.error()};
    if (*text && !options.literalsOnly && **text == kPrivateMarker) text = in.getNullableString();
    if (!text) return Failure<Error>{text.error()};
    if (!*text) return fail(Errc::BadString, "ClassAd attribute " + std::to_string(i + 1) + " is a NULL string");
    if (Status s = line(**text); !s) return s;
  }
  if (!options.noTypes) {
    for (const char* slot : {"MyType", "TargetType"}) {
      Result<std::optional<std::string>> type = in.getNullableString();
      if (!type) return fail(type.error().code, std::string(slot) + " slot: " + type.error().message);
    }
  }
  return ok();
}

}  // namespace

Result<std::shared_ptr<cl::ClassAd>> getClassAd(MessageReader& in, const GetAdOptions& options) {
  auto ad = std::make_shared<cl::ClassAd>();
  Status read = readAdLines(in, options, [&](const std::string& text) -> Status {
    if (options.literalsOnly) return insertLiteralLine(*ad, text);
    if (!cl::insertLongFormLine(*ad, text))
      return fail(Errc::BadAttribute, "ClassAd attribute line does not parse: " + excerpt(text));
    return ok();
  });
  if (!read) return Failure<Error>{read.error()};
  return ad;
}

Result<std::string> getClassAdLines(MessageReader& in, const GetAdOptions& options) {
  std::string lines;
  Status read = readAdLines(in, options, [&](const std::string& text) -> Status {
    // A line holding a newline would read as two attributes on the other side.
    if (text.find('\n') != std::string::npos)
      return fail(Errc::BadAttribute, "ClassAd attribute line holds a newline: " + excerpt(text));
    lines += text;
    lines += '\n';
    return ok();
  });
  if (!read) return Failure<Error>{read.error()};
  return lines;
}

}  // namespace htcondor::cedar
