// IDTOKENS, client side (protocol doc 7.2): the token (a JWS-signed JWT whose signature is the
// shared secret and is never sent), the client's choice of token for a server, and the
// three-message AKEP2 exchange in which each side proves it knows the signature.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cedar/packet.hpp"
#include "security/handshake_error.hpp"
#include "security/hmac.hpp"

namespace htcondor::security {

inline constexpr std::size_t kTokenNonceSize = 256;  // ra and rb

struct IdToken {
  std::string signingInput;  // "header.payload" as sent in message 1
  std::vector<std::uint8_t> signature;
  std::string alg;
  std::string kid;  // signing key id; "POOL" when the header names none
  std::string iss, sub, jti;
  std::optional<std::int64_t> iat, exp;
  std::vector<std::string> scopes;  // "condor:/READ" ...
};

// Parses "base64url(header).base64url(payload).base64url(signature)" (surrounding blanks
// ignored). Fails, naming the part, for anything else, for an alg other than HS256/384/512,
// and for a token without a subject (the client's name in the exchange).
HsResult<IdToken> parseIdToken(std::string_view token);

// The client's token choice (checkToken) plus expiry: the token must not be expired at `now`,
// its iss must be the server's TrustDomain and its kid among the server's IssuerKeys (each
// check skipped when the server sent no such attribute).
HsStatus checkTokenForServer(const IdToken& token, const std::optional<std::string>& trustDomain,
                             const std::vector<std::string>& issuerKeys, std::int64_t now);

struct TokenKeys {
  std::array<std::uint8_t, 32> ka{};
  std::array<std::uint8_t, 32> kb{};
};
// ka/kb = HKDF-SHA256(signature, seed_k{a,b} || signingInput, "master k{a,b}").
HsResult<TokenKeys> deriveTokenKeys(const IdToken& token);

// One client run of the exchange: IDTOKENS, or PASSWORD, which is the same exchange's older
// version (protocol doc 7.3): no "header.payload" in message 1, the pool's name for a, and
// ka = HMAC-SHA1(seed_ka, password || password) instead of HKDF.
class TokenExchange {
 public:
  // With fresh random ra.
  static HsResult<TokenExchange> start(IdToken token);
  static HsResult<TokenExchange> startPassword(std::string_view poolPassword, std::string poolName);
  // With a given ra (test vectors).
  static HsResult<TokenExchange> startWith(IdToken token, std::span<const std::uint8_t> ra);
  static HsResult<TokenExchange> startPasswordWith(std::string_view poolPassword, std::string poolName,
                                                   std::span<const std::uint8_t> ra);

  // Message 1: status 0, len(a), a (the token's sub), ["header.payload",] 256, ra.
  const cedar::Bytes& firstMessage() const { return first_; }

  // Message 2 -> message 3 (status 0, a, rb, hk). On failure (server status -1, wrong echo,
  // wrong hkt) the caller sends failureMessage() and goes back to the method choice.
  HsResult<cedar::Bytes> onServerMessage(std::span<const std::uint8_t> message);

  // Message 3 with status -1 and empty fields.
  static cedar::Bytes failureMessage();

  const std::string& serverName() const { return serverName_; }  // b, once message 2 is read

 private:
  TokenExchange(std::string name, std::optional<std::string> signingInput, std::vector<std::uint8_t> ka,
                std::vector<std::uint8_t> ra, std::string credential);
  std::string name_;                   // a
  std::vector<std::uint8_t> ka_;
  std::vector<std::uint8_t> ra_;
  std::string credential_;             // what the server may reject, for errors
  bool signsWithToken_;
  cedar::Bytes first_;
  std::string serverName_;
};

}  // namespace htcondor::security
