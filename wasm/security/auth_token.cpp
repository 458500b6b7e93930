#include "security/auth_token.hpp"

#include <algorithm>
#include <utility>

#include <mbedtls/base64.h>

#include "cedar/message.hpp"
#include "classad/eval.hpp"
#include "classad/json_parser.hpp"
#include "classad/value.hpp"
#include "security/key_derivation.hpp"
#include "security/random.hpp"

namespace htcondor::security {
namespace cl = htcondor::classad;
namespace {

// Condor_Auth_Passwd::setup_seed: fixed salts of the ka and kb derivations (same in 23.9.6
// and 25.x; SHA-256 54029671... and 73797fd3...).
constexpr std::array<std::uint8_t, 256> kSeedKa{
    0x3e, 0x4a, 0x50, 0x20, 0x47, 0xd5, 0xf4, 0xe5, 0xdc, 0x7c, 0x69, 0xbb, 0x52, 0x10, 0xcb, 0xb6,
    0x16, 0x7a, 0xdd, 0x80, 0x84, 0xf7, 0xdd, 0x9e, 0xf3, 0xad, 0x2c, 0xca, 0x71, 0xd2, 0x83, 0xdd,
    0x11, 0x4a, 0x4f, 0xbb, 0x7b, 0x1e, 0xe9, 0x0a, 0xdf, 0xa8, 0x62, 0xc4, 0x43, 0x04, 0xde, 0x54,
    0x73, 0xa3, 0x17, 0x2f, 0x73, 0x5c, 0x2c, 0xbb, 0x6e, 0x77, 0x5b, 0x5d, 0x40, 0xd3, 0x9f, 0xac,
    0xe8, 0x73, 0x18, 0x25, 0x23, 0xf9, 0x25, 0x2b, 0x62, 0x3b, 0xe0, 0xd4, 0xb1, 0x67, 0xa3, 0xa8,
    0x04, 0x0c, 0xac, 0xfe, 0xe9, 0xee, 0x3d, 0xa0, 0x2c, 0x0a, 0xbb, 0xf4, 0xd9, 0xd8, 0xb1, 0x1f,
    0x89, 0x00, 0x4c, 0x94, 0x39, 0x23, 0xce, 0x5d, 0x95, 0x08, 0xbb, 0x3f, 0x04, 0xbc, 0x66, 0xa3,
    0xfa, 0x20, 0xa1, 0x3a, 0x41, 0x6c, 0x5e, 0x6f, 0x4e, 0x0d, 0x31, 0x87, 0xd4, 0x5f, 0xc7, 0x83,
    0x35, 0xc5, 0xe4, 0x85, 0xdb, 0x2c, 0x5a, 0x37, 0x17, 0x97, 0x0c, 0xc2, 0x6e, 0x7b, 0x6b, 0x9d,
    0x19, 0x65, 0xb4, 0x7a, 0x67, 0xdf, 0x77, 0xa3, 0x1f, 0x22, 0xf0, 0x8a, 0x6c, 0x0b, 0xa5, 0x70,
    0x97, 0xa2, 0x1a, 0x9c, 0xa7, 0xc6, 0x04, 0x24, 0xf7, 0x27, 0x39, 0xab, 0x5c, 0xb9, 0x15, 0xa4,
    0x18, 0x5b, 0xd1, 0x09, 0x82, 0x8e, 0x35, 0xe4, 0x21, 0x08, 0xab, 0x85, 0x1c, 0x08, 0xa3, 0xdf,
    0xfd, 0xe0, 0xe3, 0xb0, 0x6f, 0x3d, 0x39, 0x38, 0xcd, 0xad, 0x6d, 0xf6, 0xef, 0x9a, 0x6f, 0x6d,
    0xc2, 0xcb, 0x74, 0xf0, 0x22, 0x85, 0x12, 0xeb, 0x7a, 0x3d, 0x68, 0x23, 0x01, 0x06, 0x84, 0xb0,
    0x15, 0xc1, 0x2a, 0xc3, 0x01, 0x4c, 0x4f, 0x9f, 0x93, 0x8e, 0x38, 0x4d, 0xad, 0x1e, 0x3b, 0xd7,
    0x45, 0xff, 0x8c, 0x14, 0x1f, 0xd7, 0x0b, 0x46, 0x5b, 0xa8, 0xaf, 0x5d, 0x1b, 0x98, 0xb4, 0xb1,
};
constexpr std::array<std::uint8_t, 256> kSeedKb{
    0x01, 0x00, 0x26, 0xad, 0x75, 0xdf, 0xc6, 0xc1, 0x90, 0xa5, 0xa2, 0x66, 0xb0, 0xd1, 0xb5, 0xd8,
    0x60, 0xf7, 0xcf, 0xa3, 0x84, 0x67, 0x20, 0x55, 0x01, 0xcd, 0x46, 0x0d, 0x4a, 0x88, 0xd4, 0x73,
    0xfa, 0x52, 0xe0, 0xb3, 0xe9, 0x14, 0x1e, 0x33, 0xc9, 0x7d, 0x85, 0x1e, 0xee, 0x2d, 0xd3, 0x36,
    0x32, 0xf3, 0x88, 0x67, 0x68, 0xef, 0x01, 0x0e, 0xc8, 0xdf, 0xdd, 0x66, 0x8a, 0xde, 0x92, 0xd5,
    0xc3, 0x43, 0x08, 0xbb, 0x24, 0x38, 0x95, 0xd8, 0x4e, 0xd7, 0x85, 0xe2, 0x72, 0x68, 0xcc, 0x5e,
    0xe7, 0x56, 0x0d, 0xe4, 0x98, 0x28, 0xfa, 0xb7, 0x66, 0xc2, 0xad, 0x8c, 0x0b, 0x2c, 0x0a, 0xfb,
    0x43, 0x5c, 0x38, 0x2d, 0xb5, 0xd2, 0xff, 0x36, 0xa8, 0xae, 0xad, 0x58, 0x20, 0x47, 0x0a, 0x9a,
    0xd4, 0x5d, 0x79, 0x85, 0x6f, 0x5e, 0x2e, 0xce, 0x89, 0x4b, 0xd2, 0x50, 0x79, 0x29, 0xdc, 0xf2,
    0x6f, 0x7d, 0x09, 0xf0, 0x02, 0x8f, 0x1a, 0xc4, 0xd9, 0x71, 0xf4, 0x82, 0x0c, 0x5f, 0x54, 0x71,
    0x7e, 0x9d, 0xcd, 0xab, 0xeb, 0x21, 0x5f, 0x61, 0x65, 0x5d, 0xea, 0xd4, 0xb7, 0x2c, 0x3d, 0x3b,
    0x5f, 0x66, 0xfa, 0x4b, 0x30, 0xb8, 0x58, 0x88, 0xd6, 0x2f, 0xac, 0xd4, 0x12, 0x9c, 0x13, 0x04,
    0x91, 0x9f, 0x69, 0xad, 0x6d, 0x8c, 0x2c, 0x43, 0xd9, 0xce, 0x5c, 0xdb, 0x31, 0xd4, 0x58, 0x03,
    0x52, 0xc7, 0x36, 0x2b, 0x8d, 0x80, 0xb7, 0xef, 0x1b, 0xba, 0x5d, 0x67, 0x66, 0x60, 0xa9, 0x44,
    0x76, 0x45, 0x02, 0xf9, 0x1d, 0x1d, 0x3c, 0x54, 0x91, 0x0c, 0x08, 0x8b, 0xcc, 0xb7, 0x2b, 0x11,
    0x94, 0x8a, 0x5e, 0x1a, 0x1d, 0xcd, 0x04, 0x36, 0x9c, 0x17, 0xd2, 0x98, 0x80, 0x4c, 0x21, 0x6e,
    0x7a, 0x26, 0x90, 0xb8, 0xc0, 0xe9, 0x70, 0x36, 0x33, 0x00, 0xd0, 0x92, 0xdf, 0x24, 0xfb, 0x8c,};

HsResult<std::vector<std::uint8_t>> base64UrlDecode(std::string_view text, const char* part) {
  std::string standard(text);
  for (char& c : standard) {
    if (c == '-') c = '+';
    else if (c == '_') c = '/';
    else if (c == '+' || c == '/' || c == '=') standard.clear();  // not base64url
  }
  if (standard.empty() && !text.empty())
    return hsFail(HandshakeErrc::InvalidToken, std::string("token ") + part + " is not unpadded base64url");
  while (standard.size() % 4 != 0) standard += '=';
  std::vector<std::uint8_t> out(standard.size() / 4 * 3 + 3);
  std::size_t length = 0;
  if (mbedtls_base64_decode(out.data(), out.size(), &length, reinterpret_cast<const unsigned char*>(standard.data()),
                            standard.size()) != 0)
    return hsFail(HandshakeErrc::InvalidToken, std::string("token ") + part + " is not valid base64url");
  out.resize(length);
  return out;
}

HsResult<std::shared_ptr<cl::ClassAd>> jsonObject(std::string_view encoded, const char* part) {
  auto raw = base64UrlDecode(encoded, part);
  if (!raw) return Failure<HandshakeError>{raw.error()};
  std::string text(raw->begin(), raw->end());
  cl::JsonParser parser(text);
  auto ad = parser.parseClassAd();
  if (!ad) return hsFail(HandshakeErrc::InvalidToken, std::string("token ") + part + " is not a JSON object");
  return ad;
}

std::optional<std::string> stringClaim(const cl::ClassAd& ad, std::string_view name) {
  auto v = cl::evaluateAttr(ad, name);
  if (!v || !v->isString()) return std::nullopt;
  return v->asString();
}

std::optional<std::int64_t> timeClaim(const cl::ClassAd& ad, std::string_view name) {
  auto v = cl::evaluateAttr(ad, name);
  if (!v || !v->isNumber()) return std::nullopt;
  return static_cast<std::int64_t>(v->numberAsReal());
}

void append(cedar::Bytes& out, std::string_view text) { out.insert(out.end(), text.begin(), text.end()); }
void append(cedar::Bytes& out, std::span<const std::uint8_t> bytes) { out.insert(out.end(), bytes.begin(), bytes.end()); }

HsResult<Sha1Mac> mac(std::span<const std::uint8_t> key, const cedar::Bytes& data) {
  auto out = hmacSha1(key, data);
  if (!out) return hsFail(HandshakeErrc::Crypto, std::string("IDTOKENS HMAC: ") + describe(out.error()));
  return *out;
}

HsResult<std::vector<std::uint8_t>> nonce(std::span<const std::uint8_t> given) {
  if (!given.empty()) {
    if (given.size() != kTokenNonceSize)
      return hsFail(HandshakeErrc::Crypto, "IDTOKENS nonce must be 256 bytes, not " + std::to_string(given.size()));
    return std::vector<std::uint8_t>(given.begin(), given.end());
  }
  std::vector<std::uint8_t> ra(kTokenNonceSize);
  if (auto done = randomBytes(ra); !done)
    return hsFail(HandshakeErrc::Crypto, std::string("IDTOKENS nonce: ") + describe(done.error()));
  return ra;
}

}  // namespace

HsResult<IdToken> parseIdToken(std::string_view token) {
  while (!token.empty() && (token.front() == ' ' || token.front() == '\t')) token.remove_prefix(1);
  while (!token.empty() && (token.back() == ' ' || token.back() == '\t' || token.back() == '\n' || token.back() == '\r'))
    token.remove_suffix(1);
  const auto dot1 = token.find('.');
  const auto dot2 = dot1 == std::string_view::npos ? dot1 : token.find('.', dot1 + 1);
  if (dot2 == std::string_view::npos || token.find('.', dot2 + 1) != std::string_view::npos)
    return hsFail(HandshakeErrc::InvalidToken, "token is not header.payload.signature (JWS compact form)");
  IdToken out;
  out.signingInput = std::string(token.substr(0, dot2));
  auto header = jsonObject(token.substr(0, dot1), "header");
  if (!header) return Failure<HandshakeError>{header.error()};
  auto payload = jsonObject(token.substr(dot1 + 1, dot2 - dot1 - 1), "payload");
  if (!payload) return Failure<HandshakeError>{payload.error()};
  auto signature = base64UrlDecode(token.substr(dot2 + 1), "signature");
  if (!signature) return Failure<HandshakeError>{signature.error()};
  out.signature = std::move(*signature);

  out.alg = stringClaim(**header, "alg").value_or("");
  if (out.alg != "HS256" && out.alg != "HS384" && out.alg != "HS512")
    return hsFail(HandshakeErrc::InvalidToken, "token algorithm \"" + out.alg + "\" is not HS256, HS384 or HS512");
  if (out.signature.empty()) return hsFail(HandshakeErrc::InvalidToken, "token has an empty signature");
  out.kid = stringClaim(**header, "kid").value_or("POOL");
  out.iss = stringClaim(**payload, "iss").value_or("");
  out.sub = stringClaim(**payload, "sub").value_or("");
  out.jti = stringClaim(**payload, "jti").value_or("");
  out.iat = timeClaim(**payload, "iat");
  out.exp = timeClaim(**payload, "exp");
  if (auto scope = stringClaim(**payload, "scope")) {
    std::string item;
    for (char c : *scope + " ") {
      if (c != ' ') { item += c; continue; }
      if (!item.empty()) out.scopes.push_back(std::move(item));
      item.clear();
    }
  }
  if (out.sub.empty()) return hsFail(HandshakeErrc::InvalidToken, "token has no subject (sub): no name to claim");
  return out;
}

HsStatus checkTokenForServer(const IdToken& token, const std::optional<std::string>& trustDomain,
                             const std::vector<std::string>& issuerKeys, std::int64_t now) {
  if (token.exp && *token.exp <= now)
    return hsFail(HandshakeErrc::TokenExpired, "token for " + token.sub + " expired at " + std::to_string(*token.exp) +
                                                   " (now " + std::to_string(now) + ")");
  if (trustDomain && token.iss != *trustDomain)
    return hsFail(HandshakeErrc::WrongIssuer, "token issuer \"" + token.iss + "\" is not the server's trust domain \"" +
                                                  *trustDomain + "\"");
  if (!issuerKeys.empty() && std::find(issuerKeys.begin(), issuerKeys.end(), token.kid) == issuerKeys.end()) {
    std::string known;
    for (const auto& k : issuerKeys) known += (known.empty() ? "" : ",") + k;
    return hsFail(HandshakeErrc::UnknownKeyId,
                  "token key id \"" + token.kid + "\" is not among the server's signing keys (" + known + ")");
  }
  return hsOk();
}

HsResult<TokenKeys> deriveTokenKeys(const IdToken& token) {
  TokenKeys keys;
  std::string saltA(kSeedKa.begin(), kSeedKa.end()), saltB(kSeedKb.begin(), kSeedKb.end());
  saltA += token.signingInput;
  saltB += token.signingInput;
  auto a = hkdfSha256(token.signature, saltA, "master ka", keys.ka);
  auto b = hkdfSha256(token.signature, saltB, "master kb", keys.kb);
  if (!a || !b) return hsFail(HandshakeErrc::Crypto, "IDTOKENS key derivation failed");
  return keys;
}

TokenExchange::TokenExchange(std::string name, std::optional<std::string> signingInput, std::vector<std::uint8_t> ka,
                             std::vector<std::uint8_t> ra, std::string credential)
    : name_(std::move(name)),
      ka_(std::move(ka)),
      ra_(std::move(ra)),
      credential_(std::move(credential)),
      signsWithToken_(signingInput.has_value()) {
  cedar::MessageWriter out;
  out.putInt(0).putInt(static_cast<std::int64_t>(name_.size())).putString(name_);
  if (signingInput) out.putString(*signingInput);
  out.putInt(static_cast<std::int64_t>(ra_.size())).putBytes(ra_);
  first_ = out.bytes();
}

HsResult<TokenExchange> TokenExchange::start(IdToken token) { return startWith(std::move(token), {}); }

HsResult<TokenExchange> TokenExchange::startWith(IdToken token, std::span<const std::uint8_t> ra) {
  auto r = nonce(ra);
  if (!r) return Failure<HandshakeError>{r.error()};
  auto keys = deriveTokenKeys(token);
  if (!keys) return Failure<HandshakeError>{keys.error()};
  std::string credential = "the token (subject " + token.sub + ", issuer " + token.iss + ", key id " + token.kid + ")";
  return TokenExchange(token.sub, token.signingInput, std::vector<std::uint8_t>(keys->ka.begin(), keys->ka.end()),
                       std::move(*r), std::move(credential));
}

HsResult<TokenExchange> TokenExchange::startPassword(std::string_view poolPassword, std::string poolName) {
  return startPasswordWith(poolPassword, std::move(poolName), {});
}

HsResult<TokenExchange> TokenExchange::startPasswordWith(std::string_view poolPassword, std::string poolName,
                                                         std::span<const std::uint8_t> ra) {
  auto r = nonce(ra);
  if (!r) return Failure<HandshakeError>{r.error()};
  cedar::Bytes secret;
  append(secret, poolPassword);
  append(secret, poolPassword);
  auto ka = mac(kSeedKa, secret);
  if (!ka) return Failure<HandshakeError>{ka.error()};
  return TokenExchange(std::move(poolName), std::nullopt, std::vector<std::uint8_t>(ka->begin(), ka->end()),
                       std::move(*r), "the pool password");
}

HsResult<cedar::Bytes> TokenExchange::onServerMessage(std::span<const std::uint8_t> message) {
  cedar::MessageReader in(message);
  auto malformed = [&](const char* field) {
    return hsFail(HandshakeErrc::MalformedMessage, std::string("IDTOKENS message 2: cannot read ") + field);
  };
  auto status = in.getInt64();
  if (!status) return malformed("status");
  auto aLength = in.getInt64();
  auto a = in.getString();
  auto bLength = in.getInt64();
  auto b = in.getString();
  if (!aLength || !a || !bLength || !b) return malformed("the names");
  if (*status != 0)
    return hsFail(HandshakeErrc::ServerRejected,
                  "server rejected " + credential_ +
                      (signsWithToken_ ? ": expired, revoked, signed with an unknown key, or missing jti/iss" : ""));
  auto raLength = in.getInt64();
  if (!raLength || *raLength != static_cast<std::int64_t>(kTokenNonceSize)) return malformed("ra (256 bytes)");
  auto ra = in.getBytes(kTokenNonceSize);
  auto rbLength = in.getInt64();
  if (!ra || !rbLength || *rbLength != static_cast<std::int64_t>(kTokenNonceSize)) return malformed("rb (256 bytes)");
  auto rb = in.getBytes(kTokenNonceSize);
  auto hktLength = in.getInt64();
  if (!rb || !hktLength || *hktLength != static_cast<std::int64_t>(kSha1Size)) return malformed("hkt (20 bytes)");
  auto hkt = in.getBytes(kSha1Size);
  if (!hkt || !in.finish()) return malformed("hkt, or the message has extra bytes");
  if (*a != name_ || *ra != ra_)
    return hsFail(HandshakeErrc::ServerNotVerified, "server did not echo our name and nonce (got name \"" + *a + "\")");

  serverName_ = *b;
  cedar::Bytes data;
  append(data, *a);
  append(data, " ");
  append(data, *b);
  data.push_back(0);
  append(data, ra_);
  append(data, *rb);
  auto expected = mac(ka_, data);
  if (!expected) return Failure<HandshakeError>{expected.error()};
  if (!std::equal(expected->begin(), expected->end(), hkt->begin(), hkt->end()))
    return hsFail(HandshakeErrc::ServerNotVerified, "server " + *b + " failed to prove it holds the secret behind " +
                                                    credential_ + " (hkt mismatch): wrong pool, or a forged token");

  cedar::Bytes proofData;
  append(proofData, *a);
  proofData.push_back(0);
  append(proofData, *rb);
  auto hk = mac(ka_, proofData);
  if (!hk) return Failure<HandshakeError>{hk.error()};
  cedar::MessageWriter out;
  out.putInt(0).putInt(static_cast<std::int64_t>(a->size())).putString(*a);
  out.putInt(static_cast<std::int64_t>(rb->size())).putBytes(*rb).putInt(kSha1Size).putBytes(*hk);
  return out.bytes();
}

cedar::Bytes TokenExchange::failureMessage() {
  cedar::MessageWriter out;
  out.putInt(-1).putInt(0).putString("").putInt(0).putInt(0);
  return out.bytes();
}

}  // namespace htcondor::security
