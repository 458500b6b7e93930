#include "security/policy.hpp"

#include <algorithm>
#include <cstdlib>
#include <tuple>

namespace htcondor::security {
namespace {

char upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c; }

bool sameNoCase(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) { return upper(x) == upper(y); });
}

// "client requires encryption but the server never allows it"
std::string conflictMessage(const char* feature, SecLevel client, SecLevel server) {
  if (client == SecLevel::Required)
    return std::string("client requires ") + feature + " but the server never allows it (client REQUIRED, server NEVER)";
  (void)server;
  return std::string("server requires ") + feature + " but the client never allows it (client NEVER, server REQUIRED)";
}

// A response decision ("YES"/"NO"), read by first letter as HTCondor's sec_lookup_feat_act.
HsResult<bool> decisionOf(const std::optional<std::string>& value, const char* attribute) {
  if (!value) return false;  // undefined: not done
  if (!value->empty() && upper((*value)[0]) == 'Y') return true;
  if (!value->empty() && upper((*value)[0]) == 'N') return false;
  return hsFail(HandshakeErrc::MalformedMessage,
                std::string("server response has ") + attribute + " = \"" + *value + "\" (expected YES or NO)");
}

SecLevel raise(SecLevel a, SecLevel b) { return a < b ? b : a; }

}  // namespace

std::optional<SecLevel> parseLevel(std::string_view text) {
  if (text.empty()) return std::nullopt;
  switch (upper(text[0])) {
    case 'R': case 'Y': case 'T': return SecLevel::Required;
    case 'P': return SecLevel::Preferred;
    case 'O': return SecLevel::Optional;
    case 'N': case 'F': return SecLevel::Never;
    default: return std::nullopt;
  }
}

const char* levelName(SecLevel level) {
  switch (level) {
    case SecLevel::Never: return "NEVER";
    case SecLevel::Optional: return "OPTIONAL";
    case SecLevel::Preferred: return "PREFERRED";
    case SecLevel::Required: return "REQUIRED";
  }
  return "NEVER";
}

Decision reconcileLevel(SecLevel client, SecLevel server) {
  const bool clientNever = client == SecLevel::Never, serverNever = server == SecLevel::Never;
  if ((client == SecLevel::Required && serverNever) || (server == SecLevel::Required && clientNever))
    return Decision::Fail;
  if (clientNever || serverNever) return Decision::No;
  if (client == SecLevel::Optional && server == SecLevel::Optional) return Decision::No;
  return Decision::Yes;
}

const ClientPolicy& ClientPolicies::forPermission(std::string_view permission) const {
  auto it = perPermission.find(permission);
  return it == perPermission.end() ? defaults : it->second;
}

HsResult<AdvertisedLevels> advertisedLevels(const SecurityLevels& levels) {
  AdvertisedLevels out{};
  out.authenticationNew = levels.authentication;
  out.authentication = raise(raise(levels.authentication, levels.encryption), levels.integrity);
  out.encryption = levels.encryption;
  out.integrity = levels.integrity;
  out.outgoingNegotiation = levels.negotiation;
  const std::pair<const char*, SecLevel> features[] = {
      {"authentication", levels.authentication}, {"encryption", levels.encryption}, {"integrity", levels.integrity}};
  for (const auto& [name, level] : features) {
    if (levels.negotiation == SecLevel::Never) {
      if (level == SecLevel::Required)
        return hsFail(HandshakeErrc::InvalidPolicy, std::string("client policy requires ") + name +
                                                        " but its negotiation level is NEVER");
    } else {
      out.outgoingNegotiation = raise(out.outgoingNegotiation, level);
    }
  }
  return out;
}

std::vector<std::string> reconcileMethodLists(const std::vector<std::string>& client,
                                              const std::vector<std::string>& server) {
  std::vector<std::string> common;
  for (std::string serverMethod : server) {
    if (sameNoCase(serverMethod, "TOKENS") || sameNoCase(serverMethod, "IDTOKENS") || sameNoCase(serverMethod, "IDTOKEN"))
      serverMethod = "TOKEN";
    for (const auto& clientMethod : client)
      if (sameNoCase(serverMethod, clientMethod)) common.push_back(clientMethod);
  }
  return common;
}

HsResult<ReconciledPolicy> reconcilePolicies(const PolicyInput& client, const PolicyInput& server) {
  const std::tuple<const char*, SecLevel, SecLevel> features[] = {
      {"authentication", client.authentication, server.authentication},
      {"encryption", client.encryption, server.encryption},
      {"integrity", client.integrity, server.integrity}};
  bool decided[3];
  int i = 0;
  for (const auto& [name, c, s] : features) {
    Decision d = reconcileLevel(c, s);
    if (d == Decision::Fail) return hsFail(HandshakeErrc::PolicyConflict, conflictMessage(name, c, s));
    decided[i++] = d == Decision::Yes;
  }
  ReconciledPolicy out;
  out.authentication = decided[0];
  out.encryption = decided[1];
  out.integrity = decided[2];
  out.authRequired = client.authentication == SecLevel::Required || server.authentication == SecLevel::Required;
  if (!client.authMethods.empty() && !server.authMethods.empty())
    out.authMethods = reconcileMethodLists(client.authMethods, server.authMethods);
  if (!client.cryptoMethods.empty() && !server.cryptoMethods.empty()) {
    out.cryptoMethods = reconcileMethodLists(client.cryptoMethods, server.cryptoMethods);
    // AES-GCM always encrypts and authenticates: the server says so once it authenticates.
    if (out.authentication && !out.cryptoMethods.empty() && out.cryptoMethods.front() == "AES")
      out.encryption = out.integrity = true;
  }
  out.sessionDuration = std::min(client.sessionDuration.value_or(0), server.sessionDuration.value_or(0));
  // A lease only when both sides name one; 0 on one side means "take the other's".
  if (client.sessionLease && server.sessionLease) {
    std::int64_t c = *client.sessionLease ? *client.sessionLease : *server.sessionLease;
    std::int64_t s = *server.sessionLease ? *server.sessionLease : *client.sessionLease;
    out.sessionLease = std::min(c, s);
  }
  return out;
}

HsResult<SessionPlan> acceptResponse(const ClientPolicy& policy, const ServerResponse& response) {
  if (!response.enact || response.enact->empty() || upper((*response.enact)[0]) != 'Y')
    return hsFail(HandshakeErrc::MalformedMessage, "server response lacks Enact = \"YES\"");
  auto authenticate = decisionOf(response.authentication, "Authentication");
  auto encryption = decisionOf(response.encryption, "Encryption");
  auto integrity = decisionOf(response.integrity, "Integrity");
  if (!authenticate) return Failure<HandshakeError>{authenticate.error()};
  if (!encryption) return Failure<HandshakeError>{encryption.error()};
  if (!integrity) return Failure<HandshakeError>{integrity.error()};

  SessionPlan plan;
  plan.authenticate = *authenticate;
  plan.authRequired = response.authRequired.value_or(true);
  plan.encryption = *encryption;
  plan.integrity = *integrity;
  plan.remoteVersion = response.remoteVersion.value_or("");
  plan.trustDomain = response.trustDomain;
  if (response.issuerKeys) plan.issuerKeys = splitList(*response.issuerKeys);
  if (response.sessionLease) plan.sessionLease = *response.sessionLease;
  if (response.sessionDuration) plan.sessionDuration = std::strtoll(response.sessionDuration->c_str(), nullptr, 10);

  const std::string clientCrypto = joinList(policy.cryptoMethods);
  auto supported = [&](const std::string& method) {
    return method == "AES" && std::any_of(policy.cryptoMethods.begin(), policy.cryptoMethods.end(),
                                          [&](const std::string& m) { return sameNoCase(m, method); });
  };
  std::vector<std::string> crypto = splitList(response.cryptoMethods.value_or(""));
  if (plan.encryption) {
    if (crypto.empty())
      return hsFail(HandshakeErrc::PolicyConflict,
                    "server requires encryption but provided no crypto method to use (client offered " +
                        clientCrypto + ")");
    if (!supported(crypto.front()))
      return hsFail(HandshakeErrc::PolicyConflict, "server suggested crypto method " + crypto.front() +
                                                       ", which this client does not support (client offered " +
                                                       clientCrypto + ")");
  }
  if (response.ecdhPublicKey && !response.ecdhPublicKey->empty()) {
    // A key is made whenever the server answers ours (25.x even without authentication).
    if (!crypto.empty() && !supported(crypto.front()))
      return hsFail(HandshakeErrc::PolicyConflict, "server sent an ECDH key for crypto method " + crypto.front() +
                                                       ", which this client does not support (client offered " +
                                                       clientCrypto + ")");
    plan.serverEcdhKey = *response.ecdhPublicKey;
    plan.cryptoMethod = "AES";
  }

  // The client's REQUIRED levels hold whatever the server answered.
  const SecurityLevels& wanted = policy.levels;
  if (wanted.authentication == SecLevel::Required && !plan.authenticate)
    return hsFail(HandshakeErrc::PolicyConflict,
                  "client requires authentication but the server answered Authentication = NO");
  if (wanted.authentication == SecLevel::Required && !plan.authRequired)
    plan.authRequired = true;  // a failed authentication must not be tolerated
  if (wanted.encryption == SecLevel::Required && !plan.serverEcdhKey)
    return hsFail(HandshakeErrc::PolicyConflict,
                  std::string("client requires encryption but the server's response carries no ECDHPublicKey "
                              "(Encryption = ") + (plan.encryption ? "YES" : "NO") + "), so no session key can be made");
  if (wanted.integrity == SecLevel::Required && !plan.serverEcdhKey)
    return hsFail(HandshakeErrc::PolicyConflict,
                  "client requires integrity but the server's response carries no ECDHPublicKey, so no session key "
                  "can be made");

  if (plan.authenticate) {
    plan.authMethods = splitList(response.authMethodsList ? *response.authMethodsList
                                                          : response.authMethods.value_or(""));
    // The server then waits for a bitmask and closes without answering (5.5): fail now.
    if (plan.authMethods.empty())
      return hsFail(HandshakeErrc::NoCommonMethod,
                    "server requires authentication but no method is common: client offered " +
                        methodList(policy.authMethods) + ", server accepts none of them");
  }
  return plan;
}

HsResult<ClientPolicy> policyFromSettings(const PolicySettings& settings) {
  ClientPolicy policy;
  const std::pair<const std::string*, SecLevel*> levels[] = {
      {&settings.authentication, &policy.levels.authentication},
      {&settings.encryption, &policy.levels.encryption},
      {&settings.integrity, &policy.levels.integrity},
      {&settings.negotiation, &policy.levels.negotiation},
  };
  for (const auto& [text, level] : levels) {
    if (text->empty()) continue;
    auto parsed = parseLevel(*text);
    if (!parsed)
      return hsFail(HandshakeErrc::InvalidPolicy,
                    "\"" + *text + "\" is not a security level (REQUIRED, PREFERRED, OPTIONAL or NEVER)");
    *level = *parsed;
  }
  if (!settings.authMethods.empty()) {
    policy.authMethods.clear();
    for (const auto& name : splitList(settings.authMethods)) {
      auto method = methodFromName(name);
      if (!method) return hsFail(HandshakeErrc::InvalidPolicy, "\"" + name + "\" is not an authentication method");
      if (std::find(policy.authMethods.begin(), policy.authMethods.end(), *method) == policy.authMethods.end())
        policy.authMethods.push_back(*method);
    }
  }
  return policy;
}

}  // namespace htcondor::security
