#include "ops/authenticate.hpp"

#include <string>
#include <utility>
#include <vector>

#include "core/release.hpp"
#include "ops/authenticate_ssl.hpp"
#include "security/auth_simple_methods.hpp"
#include "security/auth_token.hpp"

namespace htcondor::ops {

namespace sec = htcondor::security;

namespace {

// What the client can run against this daemon, and why each configured method it cannot is out.
struct Abilities {
  std::vector<sec::AuthMethod> methods;
  std::vector<sec::IdToken> tokens;  // usable for this daemon, in the caller's order
  std::vector<std::string> notes;    // why a configured method or token is not used
};

Abilities abilities(const SecurityOptions& security, const sec::SessionPlan& plan) {
  Abilities a;
  for (const auto& text : security.tokens) {
    auto token = sec::parseIdToken(text);
    if (!token) {
      a.notes.push_back("IDTOKENS: a token that does not parse (" + token.error().message + ")");
      continue;
    }
    if (auto fit = sec::checkTokenForServer(*token, plan.trustDomain, plan.issuerKeys, security.now); !fit) {
      a.notes.push_back("IDTOKENS: " + fit.error().message);
      continue;
    }
    a.tokens.push_back(std::move(*token));
  }
  for (sec::AuthMethod m : security.policy.authMethods) {
    const std::string name(sec::methodName(m));
    switch (m) {
      case sec::AuthMethod::Token:
        if (!a.tokens.empty()) a.methods.push_back(m);
        else if (security.tokens.empty()) a.notes.push_back("IDTOKENS: no token was given or found");
        break;
      case sec::AuthMethod::Password:
        if (security.poolPassword) a.methods.push_back(m);
        else a.notes.push_back("PASSWORD: no pool password was given or found");
        break;
      case sec::AuthMethod::Ssl:
        if (security.sslCaPem.has()) a.methods.push_back(m);
        else a.notes.push_back("SSL: no trusted CA certificates are configured (AUTH_SSL_CLIENT_CAFILE)");
        break;
      case sec::AuthMethod::SciTokens:
        if (!security.scitoken.has()) a.notes.push_back("SCITOKENS: no SciToken was given or found");
        else if (!security.sslCaPem.has())
          a.notes.push_back("SCITOKENS: no trusted CA certificates are configured (AUTH_SSL_CLIENT_CAFILE)");
        else a.methods.push_back(m);
        break;
      case sec::AuthMethod::ClaimToBe:
        if (security.claimToBeName) a.methods.push_back(m);
        else a.notes.push_back("CLAIMTOBE: no user name to claim");
        break;
      case sec::AuthMethod::Anonymous:
        a.methods.push_back(m);
        break;
      default:
        a.notes.push_back(name + ": not available in this client");
        break;
    }
  }
  return a;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : "; ") + item;
  return out;
}

// IDTOKENS and PASSWORD (one exchange, protocol doc 7.2, 7.3). nullopt: it succeeded;
// otherwise why it failed (the daemon then waits for a new offer).
Async<Result<std::optional<std::string>, Error>> runExchange(HandshakeChannel& channel,
                                                             sec::HsResult<sec::TokenExchange> started,
                                                             std::string label) {
  using Out = std::optional<std::string>;
  if (!started) co_return failure(started.error().message);
  auto& exchange = *started;
  if (auto sent = channel.sendMessage(exchange.firstMessage()); !sent) co_return failure(sent.error());
  auto reply = co_await channel.receive(label + " reply");
  if (!reply) co_return failure(reply.error());
  auto proof = exchange.onServerMessage(*reply);
  if (!proof) {
    if (auto sent = channel.sendMessage(sec::TokenExchange::failureMessage()); !sent) co_return failure(sent.error());
    co_return Out(label + ": " + proof.error().message);
  }
  if (auto sent = channel.sendMessage(*proof); !sent) co_return failure(sent.error());
  co_return Out{};
}

// PASSWORD's name for the client: the pool, as daemons since 23.9.0 name it.
std::string poolName(const sec::SessionPlan& plan) {
  const auto peer = parseVersionBanner(plan.remoteVersion);
  if (peer && *peer >= Release{23, 9, 0}) return "condor@password";
  return "condor_pool@" + plan.trustDomain.value_or("");
}

Async<Result<std::optional<std::string>, Error>> runSimple(HandshakeChannel& channel, sec::AuthMethod method,
                                                            const SecurityOptions& security) {
  using Out = std::optional<std::string>;
  if (method == sec::AuthMethod::ClaimToBe) {
    auto request = sec::claimToBeRequest(security.claimToBeName);
    if (!request) co_return failure(request.error().message);
    if (auto sent = channel.sendMessage(*request); !sent) co_return failure(sent.error());
  }
  auto reply = co_await channel.receive(std::string(sec::methodName(method)) + " reply");
  if (!reply) co_return failure(reply.error());
  auto accepted = method == sec::AuthMethod::ClaimToBe ? sec::claimToBeReply(*reply) : sec::anonymousReply(*reply);
  if (!accepted) co_return Out(std::string(sec::methodName(method)) + ": " + accepted.error().message);
  co_return Out{};
}

}  // namespace

bool canAuthenticate(const SecurityOptions& security) {
  for (sec::AuthMethod m : security.policy.authMethods) {
    if (m == sec::AuthMethod::Token && !security.tokens.empty()) return true;
    if (m == sec::AuthMethod::Password && security.poolPassword) return true;
    if (m == sec::AuthMethod::Ssl && security.sslCaPem.has()) return true;
    if (m == sec::AuthMethod::SciTokens && security.scitoken.has() && security.sslCaPem.has()) return true;
    if (m == sec::AuthMethod::ClaimToBe && security.claimToBeName) return true;
    if (m == sec::AuthMethod::Anonymous) return true;
  }
  return false;
}

Async<Result<std::optional<sec::AuthMethod>, Error>> authenticate(HandshakeChannel& channel,
                                                                  const SecurityOptions& security,
                                                                  const sec::SessionPlan& plan,
                                                                  std::optional<std::string> serverName) {
  using Out = std::optional<sec::AuthMethod>;
  Abilities can = abilities(security, plan);
  sec::MethodSelector selector(plan.authMethods, can.methods);
  std::vector<std::string> failures = can.notes;
  std::size_t nextToken = 0;

  for (;;) {
    if (selector.remaining().empty()) {
      const std::string why = "this client can use " +
                              (can.methods.empty() ? std::string("no method") : sec::methodList(can.methods)) +
                              "; the daemon accepts " +
                              (plan.authMethods.empty() ? std::string("none") : sec::joinList(plan.authMethods)) +
                              (failures.empty() ? "" : " (" + joined(failures) + ")");
      if (plan.authRequired) co_return failure("authentication failed: " + why);
      // Not required: give up politely; the daemon answers 0 and goes on without it.
      if (auto sent = channel.sendMessage(sec::encodeGiveUp()); !sent) co_return failure(sent.error());
      auto ack = co_await channel.receive("answer to giving up authentication");
      if (!ack) co_return failure(ack.error());
      co_return Out{};
    }
    auto offer = selector.offer();
    if (!offer) co_return failure(offer.error().message);
    if (auto sent = channel.sendMessage(*offer); !sent) co_return failure(sent.error());
    auto reply = co_await channel.receive("authentication method choice");
    if (!reply) co_return failure(reply.error());
    auto chosen = selector.choice(*reply);
    if (!chosen) co_return failure(chosen.error().message);

    Result<std::optional<std::string>, Error> ran = std::optional<std::string>{};
    if (*chosen == sec::AuthMethod::Token) {
      const auto& token = can.tokens[nextToken];
      ran = co_await runExchange(channel, sec::TokenExchange::start(token),
                                 "IDTOKENS (token " + token.jti + " for " + token.sub + ", key id " + token.kid + ")");
    } else if (*chosen == sec::AuthMethod::Password) {
      ran = co_await runExchange(channel, sec::TokenExchange::startPassword(*security.poolPassword, poolName(plan)),
                                 "PASSWORD");
    } else if (*chosen == sec::AuthMethod::Ssl || *chosen == sec::AuthMethod::SciTokens) {
      sec::TlsSettings tls{*security.sslCaPem.get(), security.sslSkipHostCheck ? std::nullopt : serverName};
      ran = co_await runSsl(channel, std::move(tls),
                            *chosen == sec::AuthMethod::SciTokens ? security.scitoken.get() : std::nullopt);
    } else {
      ran = co_await runSimple(channel, *chosen, security);
    }
    if (!ran) co_return failure(ran.error());
    if (*ran) {
      failures.push_back(**ran);
      // Another token may still work; the daemon takes a new offer of the same method.
      if (*chosen != sec::AuthMethod::Token || ++nextToken == can.tokens.size()) selector.failed(*chosen);
      continue;
    }
    auto keyExchange = co_await channel.receive("key exchange after authentication");
    if (!keyExchange) co_return failure(keyExchange.error());
    if (auto ok = sec::checkKeyExchange(*keyExchange); !ok) co_return failure(ok.error().message);
    co_return Out(*chosen);
  }
}

}  // namespace htcondor::ops
