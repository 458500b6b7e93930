// Security policy of a command connection (protocol doc 5.3, 5.4): requirement levels, the
// client's policy per permission level, HTCondor's reconciliation of two policies, and what the
// client makes of the server's response ad (the decisions it must accept or refuse).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "security/auth_methods.hpp"
#include "security/handshake_error.hpp"

namespace htcondor::security {

// Ordered: NEVER < OPTIONAL < PREFERRED < REQUIRED.
enum class SecLevel { Never, Optional, Preferred, Required };

// HTCondor reads only the first letter, any case: R/Y/T REQUIRED, P PREFERRED, O OPTIONAL,
// N/F NEVER; anything else (or "") is invalid.
std::optional<SecLevel> parseLevel(std::string_view text);
const char* levelName(SecLevel level);  // "NEVER", "OPTIONAL", "PREFERRED", "REQUIRED"

enum class Decision { No, Yes, Fail };
// ReconcileSecurityAttribute's table (symmetric): REQUIRED against NEVER fails; YES when one
// side is REQUIRED, both PREFERRED, or one PREFERRED/REQUIRED and the other not NEVER.
Decision reconcileLevel(SecLevel client, SecLevel server);

// One side's levels for the three features and negotiation.
struct SecurityLevels {
  SecLevel authentication = SecLevel::Optional;
  SecLevel encryption = SecLevel::Optional;
  SecLevel integrity = SecLevel::Optional;
  SecLevel negotiation = SecLevel::Preferred;
};

// The client's policy for one permission level (SEC_CLIENT_* in HTCondor).
struct ClientPolicy {
  // Where no configuration says otherwise, authentication is PREFERRED rather than HTCondor's
  // built-in OPTIONAL (which its shipped configuration raises to REQUIRED): the client then
  // authenticates whenever it holds a credential the daemon accepts, and still reaches pools
  // that let unauthenticated users read.
  SecurityLevels levels{SecLevel::Preferred, SecLevel::Optional, SecLevel::Optional, SecLevel::Preferred};
  std::vector<AuthMethod> authMethods{AuthMethod::Token, AuthMethod::Ssl, AuthMethod::SciTokens};  // preference order
  std::vector<std::string> cryptoMethods{"AES"};            // only AES is implemented
  std::int64_t sessionDuration = 60;                        // seconds (tools: 60)
  std::int64_t sessionLease = 3600;                         // seconds, 0 = no lease
};

// The client policy from HTCondor's setting texts (SEC_CLIENT_AUTHENTICATION, ..._ENCRYPTION,
// ..._INTEGRITY, ..._NEGOTIATION levels and the SEC_CLIENT_AUTHENTICATION_METHODS list). An
// empty level keeps the default; an unknown level or method name fails, naming it.
struct PolicySettings {
  std::string authentication, encryption, integrity, negotiation;
  std::string authMethods;  // comma list; empty: the default
};
HsResult<ClientPolicy> policyFromSettings(const PolicySettings& settings);

// Per-permission client policies ("READ", "WRITE", ...), falling back to the defaults as
// SEC_<perm>_* falls back to SEC_DEFAULT_*.
struct ClientPolicies {
  ClientPolicy defaults;
  std::map<std::string, ClientPolicy, std::less<>> perPermission;
  const ClientPolicy& forPermission(std::string_view permission) const;
};

// The levels a client writes into its auth-info ad (5.2, 5.4).
struct AdvertisedLevels {
  SecLevel authentication;     // raised to at least encryption and integrity (pre-23.10 rule)
  SecLevel authenticationNew;  // the level actually wanted (read by 25.x servers)
  SecLevel encryption;
  SecLevel integrity;
  SecLevel outgoingNegotiation;  // raised to the three others
};
// ReconcileSecurityDependency(negotiation, x) for each feature: a NEVER negotiation with a
// REQUIRED feature is a contradiction. Authentication is raised without that rule, so that an
// unauthenticated but encrypted session (25.x) stays expressible through AuthenticationNew.
HsResult<AdvertisedLevels> advertisedLevels(const SecurityLevels& levels);

// What a server decides from two policies (ReconcileSecurityPolicyAds): the client's
// behaviour depends on these rules, and tests and diagnostics predict outcomes with them.
struct PolicyInput {
  SecLevel authentication;
  SecLevel encryption;
  SecLevel integrity;
  std::vector<std::string> authMethods;
  std::vector<std::string> cryptoMethods;
  std::optional<std::int64_t> sessionDuration;
  std::optional<std::int64_t> sessionLease;
};
struct ReconciledPolicy {
  bool authentication = false;
  bool authRequired = true;  // false only when authenticating but neither side REQUIRED it
  bool encryption = false;
  bool integrity = false;
  std::vector<std::string> authMethods;    // server order
  std::vector<std::string> cryptoMethods;  // server order
  std::int64_t sessionDuration = 0;
  std::optional<std::int64_t> sessionLease;
};
// Fails with a message naming the feature and both levels, e.g. "client requires encryption
// but the server never allows it".
HsResult<ReconciledPolicy> reconcilePolicies(const PolicyInput& client, const PolicyInput& server);
// ReconcileMethodLists: the server's entries (IDTOKENS/IDTOKEN/TOKENS read as TOKEN) that the
// client lists too, compared without case, in the server's order and the client's spelling.
// The client's own names are not canonicalized: a client "IDTOKENS" matches nothing (7.1).
std::vector<std::string> reconcileMethodLists(const std::vector<std::string>& client,
                                              const std::vector<std::string>& server);

// The server's response ad (5.3), as read by auth_info's parser.
struct ServerResponse {
  std::optional<std::string> enact;
  std::optional<std::string> authentication;  // "YES" / "NO"
  std::optional<std::string> encryption;
  std::optional<std::string> integrity;
  std::optional<bool> authRequired;
  std::optional<std::string> authMethodsList;
  std::optional<std::string> authMethods;
  std::optional<std::string> cryptoMethodsList;
  std::optional<std::string> cryptoMethods;
  std::optional<std::string> ecdhPublicKey;
  std::optional<std::string> sessionDuration;  // seconds, as a string
  std::optional<std::int64_t> sessionLease;
  std::optional<std::string> remoteVersion;
  std::optional<std::string> trustDomain;
  std::optional<std::string> issuerKeys;
};

// What the client does next, from its policy and the response.
struct SessionPlan {
  bool authenticate = false;
  bool authRequired = true;
  std::vector<std::string> authMethods;  // the server's list, its order
  bool encryption = false;               // as the server decided; AES encrypts anyway
  bool integrity = false;
  // The server's ECDH key: when present both sides make the AES key and everything after is
  // encrypted (5.6), whatever Encryption says.
  std::optional<std::string> serverEcdhKey;
  std::string cryptoMethod;  // "AES" when a key is made, else ""
  std::optional<std::int64_t> sessionDuration;
  std::optional<std::int64_t> sessionLease;
  std::string remoteVersion;
  std::optional<std::string> trustDomain;
  std::vector<std::string> issuerKeys;
};
// HTCondor's client checks (receiveAuthInfo_inner) plus the client's own REQUIRED levels: a
// server may not quietly drop what the client requires.
HsResult<SessionPlan> acceptResponse(const ClientPolicy& policy, const ServerResponse& response);

}  // namespace htcondor::security
