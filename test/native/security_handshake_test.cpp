// The command handshake's logic (wasm/security: policy, auth-info ads, method selection,
// IDTOKENS, session cache) against recorded sessions: capture 04 (IDTOKENS + ECDH + AES, every
// client message reproduced byte for byte from its recorded secrets, every server message
// accepted), 05 (resumption from the cache), 06 (a real tool's condor_ping) and 01 (plaintext
// policy); then the errors, each naming its cause.
#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "captures.hpp"
#include "test_tokens.hpp"
#include "cedar/packet.hpp"
#include "cedar/message.hpp"
#include "classad/tree_build.hpp"
#include "classad/unparse.hpp"
#include "classad/value.hpp"
#include "security/aes_gcm_stream.hpp"
#include "security/auth_info.hpp"
#include "security/auth_methods.hpp"
#include "security/auth_simple_methods.hpp"
#include "security/auth_token.hpp"
#include "security/ecdh.hpp"
#include "security/handshake_digest.hpp"
#include "security/policy.hpp"
#include "security/session_cache.hpp"

using namespace htcondor::security;
using namespace test_captures;
using test_tokens::makeToken;
namespace cl = htcondor::classad;
namespace cedar = htcondor::cedar;

namespace {

constexpr const char* kToken04 =
    "eyJhbGciOiJIUzI1NiIsImtpZCI6IlBPT0wifQ.eyJpYXQiOjE3OTUyMzkyNDAsImlzcyI6InByb3RvZG9jIiwianRpIjoiMDE2ND"
    "BiOGZjYmEwOTA0NjViZDRlNDdjNWJlOWQ4YzgiLCJzdWIiOiJhbGljZUB2bSJ9.7_ph8lyExKLboC6ozjIuSZ4EzyQMfpv2hp-i0sVYKBU";
constexpr const char* kPycedarBanner = "$CondorVersion: 23.9.6 2024-08-08 BuildID: pycedar $";
constexpr const char* kSinful = "<127.0.0.1:9720>";
constexpr std::int64_t kNow = 1795239448;  // the session's creation time (its Sid says so)

// One plaintext message as a single packet, as the verification client and HTCondor send them.
Bytes frame(const Bytes& message) {
  cedar::PacketEncoder encoder;
  auto wire = encoder.encode(message);
  REQUIRE(wire);
  return *wire;
}

ClientPolicy requiredPolicy() {
  ClientPolicy p;
  p.levels = {SecLevel::Required, SecLevel::Required, SecLevel::Required, SecLevel::Preferred};
  p.authMethods = {AuthMethod::Token};  // what the capturing clients offered
  return p;
}

std::shared_ptr<cl::ClassAd> adOf(const Bytes& payload, bool skipCommandInt, bool encrypted = false) {
  Bytes message = payload;
  if (skipCommandInt) message.erase(message.begin(), message.begin() + 8);
  auto ad = decodeAdMessage(message, encrypted, "test ad");
  REQUIRE_MESSAGE(ad, (ad ? "" : ad.error().message));
  return *ad;
}

// Same attributes, same values (printed), whatever the order.
void checkSameAd(const cl::ClassAd& ours, const cl::ClassAd& theirs) {
  CHECK(ours.size() == theirs.size());
  for (const auto& [name, expr] : theirs.attributes()) {
    CAPTURE(name);
    auto mine = ours.lookup(name);
    REQUIRE(mine);
    CHECK(cl::unparse(*mine, cl::Style::Old) == cl::unparse(*expr, cl::Style::Old));
  }
}

}  // namespace

TEST_CASE("capture 04: new IDTOKENS + ECDH session, client messages byte for byte") {
  Capture c = loadCapture("04-idtokens-ecdh-aesgcm-testvector.hex");
  const auto& p = c.connections[0];
  REQUIRE(p.size() == 12);
  HandshakeTranscript transcript;  // from after SHARED_PORT_CONNECT (packet 1)

  // Step 1: DC_AUTHENTICATE + auth-info ad.
  auto keyPair = EcdhKeyPair::fromPrivateKey(c.secret("ecdh_client_private"));
  REQUIRE(keyPair);
  ClientPolicy policy = requiredPolicy();
  AuthInfoParams params;
  params.command = 5;
  params.ecdhPublicKey = keyPair->publicKeyBase64();
  params.connectSinful = kSinful;
  params.remoteVersion = kPycedarBanner;
  params.pid = 30928;
  auto authInfo = buildAuthInfoAd(policy, params);
  REQUIRE(authInfo);
  auto step1 = encodeAuthenticateMessage(**authInfo);
  REQUIRE(step1);
  Bytes sent = frame(*step1);
  CHECK(sent == p[1].wire);
  transcript.recordSent(sent);

  // Step 2: the response ad.
  transcript.recordReceived(p[2].wire);
  ServerResponse response = parseServerResponse(*adOf(p[2].payload(), false));
  auto plan = acceptResponse(policy, response);
  REQUIRE_MESSAGE(plan, (plan ? "" : plan.error().message));
  CHECK(plan->authenticate);
  CHECK(plan->authRequired);
  CHECK(plan->authMethods == std::vector<std::string>{"TOKEN"});
  CHECK(plan->cryptoMethod == "AES");
  CHECK(plan->trustDomain == std::optional<std::string>("protodoc"));
  CHECK(plan->issuerKeys == std::vector<std::string>{"POOL"});
  CHECK(plan->sessionDuration == std::optional<std::int64_t>(60));
  CHECK(plan->sessionLease == std::optional<std::int64_t>(3600));
  REQUIRE(plan->serverEcdhKey);

  // Step 3a/3b: method choice.
  MethodSelector selector(plan->authMethods, policy.authMethods);
  auto offer = selector.offer();
  REQUIRE(offer);
  sent = frame(*offer);
  CHECK(sent == p[3].wire);
  transcript.recordSent(sent);
  transcript.recordReceived(p[4].wire);
  auto chosen = selector.choice(p[4].payload());
  REQUIRE(chosen);
  CHECK(*chosen == AuthMethod::Token);

  // Step 3c: IDTOKENS.
  auto token = parseIdToken(kToken04);
  REQUIRE(token);
  CHECK(token->sub == "alice@vm");
  CHECK(token->iss == "protodoc");
  CHECK(token->kid == "POOL");
  CHECK(token->jti == "01640b8fcba090465bd4e47c5be9d8c8");
  CHECK(token->iat == std::optional<std::int64_t>(1795239240));
  CHECK_FALSE(token->exp);
  CHECK(same(token->signature, c.secret("token_signature")));
  REQUIRE(checkTokenForServer(*token, plan->trustDomain, plan->issuerKeys, kNow));
  auto keys = deriveTokenKeys(*token);
  REQUIRE(keys);
  CHECK(same(keys->ka, c.secret("ka")));
  CHECK(same(keys->kb, c.secret("kb")));
  auto exchange = TokenExchange::startWith(*token, c.secret("ra"));
  REQUIRE(exchange);
  sent = frame(exchange->firstMessage());
  CHECK(sent == p[5].wire);
  transcript.recordSent(sent);
  transcript.recordReceived(p[6].wire);
  auto third = exchange->onServerMessage(p[6].payload());
  REQUIRE_MESSAGE(third, (third ? "" : third.error().message));
  CHECK(exchange->serverName() == "condor@password");
  sent = frame(*third);
  CHECK(sent == p[7].wire);
  transcript.recordSent(sent);

  // Step 3d, then 4: ECDH key, AES on.
  transcript.recordReceived(p[8].wire);
  REQUIRE(checkKeyExchange(p[8].payload()));
  auto serverKey = decodeEcdhPublicKey(*plan->serverEcdhKey);
  REQUIRE(serverKey);
  auto secret = keyPair->sharedSecret(*serverKey);
  REQUIRE(secret);
  auto sessionKey = deriveSessionKey(*secret);
  REQUIRE(sessionKey);
  CHECK(same(*sessionKey, c.secret("session_key")));
  AesGcmStream stream(*sessionKey, fixed<kGcmIvSize>(c.secret("client_iv")), transcript.freeze());

  // Step 5: the post-auth ad, encrypted.
  auto postAuthBytes = stream.decryptPacket(p[9].wire);
  REQUIRE(postAuthBytes);
  auto postAuth = parsePostAuth(*adOf(*postAuthBytes, false, true), 5);
  REQUIRE_MESSAGE(postAuth, (postAuth ? "" : postAuth.error().message));
  CHECK(postAuth->sid == "vm:24962:1795239448:11");
  CHECK(postAuth->user == std::optional<std::string>("alice@vm"));
  CHECK(postAuth->triedAuthentication);
  CHECK(postAuth->validCommands.size() == 19);

  // Step 7: the command payload, byte for byte (its AAD covers our handshake transcript).
  auto query = stream.encryptPacket(p[10].plaintext, true);
  REQUIRE(query);
  CHECK(*query == p[10].wire);
  auto reply = stream.decryptPacket(p[11].wire);
  REQUIRE(reply);
  CHECK(*reply == p[11].plaintext);
}

TEST_CASE("capture 05: the session from 04 resumed from the cache, byte for byte") {
  Capture c = loadCapture("05-resume-session-testvector.hex");
  const auto& p = c.connections[0];
  REQUIRE(p.size() == 5);
  SessionCache cache;
  CachedSession s;
  s.id = "vm:24962:1795239448:11";
  s.connectSinful = kSinful;
  s.key = fixed<kSessionKeySize>(c.secret("session_key"));
  s.validCommands = {60007, 457, 60020, 68, 5, 6, 7, 9, 12, 43, 20, 46, 78, 50, 56, 48, 71, 74, 53};
  s.leaseInterval = 3600;
  cache.insert(s, 60, "", kNow);
  const CachedSession* found = cache.lookup("", kSinful, 5, kNow + 10);
  REQUIRE(found);

  ResumeParams params;
  params.command = 5;
  params.sid = found->id;
  params.remoteVersion = kPycedarBanner;
  // The recorded nonce: base64 "8tsALFLm15cmGSue90Gs5Lt+cgJQ2bwI3n0QRGOv11hW".
  params.nonce = hex("f2db002c52e6d797" "26192b9ef741ace4" "bb7e720250d9bc08" "de7d104463afd758" "56");
  auto ad = buildResumeAd(params);
  REQUIRE(ad);
  auto message = encodeAuthenticateMessage(**ad);
  REQUIRE(message);
  Bytes sent = frame(*message);
  CHECK(sent == p[1].wire);

  HandshakeTranscript transcript;
  transcript.recordSent(sent);
  transcript.recordReceived(p[2].wire);
  auto reply = parseResumeResponse(*adOf(p[2].payload(), false), found->id);
  REQUIRE(reply);
  CHECK(reply->returnCode == "AUTHORIZED");
  cache.renewLease(found->id, kNow + 10);

  AesGcmStream stream(found->key, fixed<kGcmIvSize>(c.secret("client_iv")), transcript.freeze());
  auto query = stream.encryptPacket(p[3].plaintext, true);
  REQUIRE(query);
  CHECK(*query == p[3].wire);
  auto answer = stream.decryptPacket(p[4].wire);
  REQUIRE(answer);
  CHECK(*answer == p[4].plaintext);
}

TEST_CASE("capture 06 (real condor_ping): same ad as the tool's, IDTOKENS proofs byte for byte") {
  Capture c = loadCapture("06-condor_ping-idtokens-aes.hex");
  const auto& p = c.connections[0];
  auto theirs = adOf(p[0].payload(), true);
  ClientPolicy policy = requiredPolicy();
  policy.cryptoMethods = {"AES", "BLOWFISH", "3DES"};
  AuthInfoParams params;
  params.command = kDcSecQuery;
  params.authCommand = 60021;
  params.ecdhPublicKey = "BCXXYjqmaiy2aEOpJc/HoSIiX5MOHZ28fXJoxTwvrEmqKG6+LmMBfv4SsZ6T+JxuYGmZRtR3cEdbpfvBKutcmtU=";
  params.connectSinful = kSinful;
  params.remoteVersion = "$CondorVersion: 23.9.6 2026-07-12 PackageID: 23.9.6+dfsg-2.1+b10 $";
  params.pid = 25706;
  params.trustDomain = "protodoc";
  auto ours = buildAuthInfoAd(policy, params);
  REQUIRE(ours);
  (*ours)->erase("AuthenticationNew");  // 23.9.6 tools do not send it
  checkSameAd(**ours, *theirs);

  auto plan = acceptResponse(policy, parseServerResponse(*adOf(p[1].payload(), false)));
  REQUIRE(plan);
  CHECK(plan->authenticate);
  CHECK(plan->cryptoMethod == "AES");

  // Same token as capture 04; the tool's ra is in its message 1.
  auto token = parseIdToken(kToken04);
  REQUIRE(token);
  Bytes first = p[4].payload();
  Bytes ra(first.end() - 256, first.end());
  auto exchange = TokenExchange::startWith(*token, ra);
  REQUIRE(exchange);
  CHECK(exchange->firstMessage() == first);
  auto third = exchange->onServerMessage(p[5].payload());
  REQUIRE_MESSAGE(third, (third ? "" : third.error().message));
  CHECK(*third == p[6].payload());
  CHECK(checkKeyExchange(p[7].payload()));
}

TEST_CASE("capture 01 (real condor_status, policy NEVER): plaintext outcome") {
  Capture c = loadCapture("01-plaintext-condor_status.hex");
  const auto& p = c.connections[0];
  ClientPolicy policy;
  policy.levels = {SecLevel::Never, SecLevel::Never, SecLevel::Never, SecLevel::Preferred};
  policy.authMethods = {AuthMethod::Fs, AuthMethod::Token, AuthMethod::Ssl, AuthMethod::SciTokens,
                        AuthMethod::ClaimToBe, AuthMethod::Anonymous};
  policy.cryptoMethods = {"AES", "BLOWFISH", "3DES"};
  AuthInfoParams params;
  params.command = 5;
  params.ecdhPublicKey = "BAZF68/eR64HZH27UYwtBmSqFWAVDAhF5wYJXBZcR9nuL+ZLP/PIlYdASaERedXaW/Tr993P/et80l4Hrg8InuA=";
  params.connectSinful = kSinful;
  params.remoteVersion = "$CondorVersion: 23.9.6 2026-07-12 PackageID: 23.9.6+dfsg-2.1+b10 $";
  params.pid = 29505;
  params.trustDomain = "protodoc";
  auto ours = buildAuthInfoAd(policy, params);
  REQUIRE(ours);
  (*ours)->erase("AuthenticationNew");
  checkSameAd(**ours, *adOf(p[0].payload(), true));

  ServerResponse response = parseServerResponse(*adOf(p[1].payload(), false));
  auto plan = acceptResponse(policy, response);
  REQUIRE(plan);
  CHECK_FALSE(plan->authenticate);
  CHECK_FALSE(plan->encryption);
  CHECK_FALSE(plan->serverEcdhKey);  // 23.9.6: no key without authentication -> plaintext
  CHECK(plan->cryptoMethod.empty());
  auto postAuth = parsePostAuth(*adOf(p[2].payload(), false), 5);
  REQUIRE(postAuth);
  CHECK(postAuth->user == std::optional<std::string>("unauthenticated@unmapped"));
  CHECK_FALSE(postAuth->triedAuthentication);

  // The same answer is unacceptable to a client that requires encryption.
  ClientPolicy strict = policy;
  strict.levels.encryption = SecLevel::Required;
  auto refused = acceptResponse(strict, response);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code == HandshakeErrc::PolicyConflict);
  CHECK(refused.error().message.find("client requires encryption") != std::string::npos);
}

TEST_CASE("requirement levels: first letters and the reconciliation table") {
  CHECK(parseLevel("required") == SecLevel::Required);
  CHECK(parseLevel("Yes") == SecLevel::Required);
  CHECK(parseLevel("TRUE") == SecLevel::Required);
  CHECK(parseLevel("p") == SecLevel::Preferred);
  CHECK(parseLevel("Optional") == SecLevel::Optional);
  CHECK(parseLevel("false") == SecLevel::Never);
  CHECK(parseLevel("NO") == SecLevel::Never);
  CHECK_FALSE(parseLevel(""));
  CHECK_FALSE(parseLevel("maybe"));
  using L = SecLevel;
  using D = Decision;
  const L all[] = {L::Required, L::Preferred, L::Optional, L::Never};
  const D table[4][4] = {{D::Yes, D::Yes, D::Yes, D::Fail},
                         {D::Yes, D::Yes, D::Yes, D::No},
                         {D::Yes, D::Yes, D::No, D::No},
                         {D::Fail, D::No, D::No, D::No}};
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 4; ++j) CHECK(reconcileLevel(all[i], all[j]) == table[i][j]);
}

TEST_CASE("policy reconciliation: REQUIRED against NEVER names the feature and both sides") {
  PolicyInput client{SecLevel::Optional, SecLevel::Required, SecLevel::Optional, {"TOKEN"}, {"AES"}, 60, 3600};
  PolicyInput server{SecLevel::Optional, SecLevel::Never, SecLevel::Optional, {"FS", "IDTOKENS"}, {"AES"}, 86400, 0};
  auto failed = reconcilePolicies(client, server);
  REQUIRE_FALSE(failed);
  CHECK(failed.error().code == HandshakeErrc::PolicyConflict);
  CHECK(failed.error().message == "client requires encryption but the server never allows it (client REQUIRED, server NEVER)");
  std::swap(client.encryption, server.encryption);
  CHECK(reconcilePolicies(client, server).error().message.starts_with("server requires encryption"));

  // Authentication agreed, AES first: encryption and integrity forced on; lease 0 takes the other.
  PolicyInput c2{SecLevel::Preferred, SecLevel::Optional, SecLevel::Optional, {"TOKEN", "ANONYMOUS"}, {"AES"}, 60, 3600};
  PolicyInput s2{SecLevel::Optional, SecLevel::Optional, SecLevel::Optional,
                 {"FS", "IDTOKENS", "SSL", "SCITOKENS", "CLAIMTOBE", "ANONYMOUS"}, {"AES"}, 86400, 0};
  auto ok = reconcilePolicies(c2, s2);
  REQUIRE(ok);
  CHECK(ok->authentication);
  CHECK_FALSE(ok->authRequired);
  CHECK(ok->encryption);
  CHECK(ok->integrity);
  CHECK(ok->authMethods == std::vector<std::string>{"TOKEN", "ANONYMOUS"});
  CHECK(ok->sessionDuration == 60);
  CHECK(ok->sessionLease == std::optional<std::int64_t>(3600));
  // The name quirk: a client "IDTOKENS" matches nothing.
  CHECK(reconcileMethodLists({"IDTOKENS"}, {"IDTOKENS"}).empty());
  CHECK(reconcileMethodLists({"token"}, {"IDTOKENS"}) == std::vector<std::string>{"token"});
}

TEST_CASE("advertised levels: raised Authentication, AuthenticationNew as wanted, negotiation") {
  auto a = advertisedLevels({SecLevel::Optional, SecLevel::Required, SecLevel::Optional, SecLevel::Preferred});
  REQUIRE(a);
  CHECK(a->authentication == SecLevel::Required);
  CHECK(a->authenticationNew == SecLevel::Optional);
  CHECK(a->outgoingNegotiation == SecLevel::Required);
  auto bad = advertisedLevels({SecLevel::Optional, SecLevel::Required, SecLevel::Optional, SecLevel::Never});
  REQUIRE_FALSE(bad);
  CHECK(bad.error().code == HandshakeErrc::InvalidPolicy);
  CHECK(bad.error().message.find("encryption") != std::string::npos);

  ClientPolicies table;
  table.perPermission["WRITE"].levels.authentication = SecLevel::Required;
  CHECK(table.forPermission("WRITE").levels.authentication == SecLevel::Required);
  CHECK(table.forPermission("READ").levels.authentication == SecLevel::Preferred);  // the library default
}

TEST_CASE("auth-info ad: default banner well formed, malformed banner refused, AuthCommand rule") {
  AuthInfoParams params;
  params.command = 5;
  params.authCommand = 60021;  // ignored: only DC_AUTHENTICATE / DC_SEC_QUERY carry it
  auto ad = buildAuthInfoAd(ClientPolicy{}, params);
  REQUIRE(ad);
  CHECK_FALSE((*ad)->lookup("AuthCommand"));
  CHECK_FALSE((*ad)->lookup("ECDHPublicKey"));
  CHECK(cl::unparse(*(*ad)->lookup("RemoteVersion"), cl::Style::Old).starts_with("\"$CondorVersion: "));
  CHECK(cl::unparse(*(*ad)->lookup("Enact"), cl::Style::Old) == "\"NO\"");
  params.remoteVersion = "$CondorVersion: 25.14.1 $";  // crashed a 25.14.1 collector
  auto bad = buildAuthInfoAd(ClientPolicy{}, params);
  REQUIRE_FALSE(bad);
  CHECK(bad.error().message.find("RemoteVersion") != std::string::npos);
}

TEST_CASE("response errors: no crypto method, unsupported method, no common authentication method") {
  ClientPolicy policy;
  ServerResponse r;
  r.enact = "YES";
  r.authentication = "NO";
  r.encryption = "YES";
  auto noCrypto = acceptResponse(policy, r);
  REQUIRE_FALSE(noCrypto);
  CHECK(noCrypto.error().message.starts_with("server requires encryption but provided no crypto method"));
  r.cryptoMethods = "BLOWFISH";
  auto blowfish = acceptResponse(policy, r);
  REQUIRE_FALSE(blowfish);
  CHECK(blowfish.error().message.find("BLOWFISH") != std::string::npos);

  ServerResponse auth;
  auth.enact = "YES";
  auth.authentication = "YES";
  auth.authRequired = false;
  auth.authMethodsList = "";
  auth.ecdhPublicKey = "x";
  policy.authMethods = {AuthMethod::ClaimToBe};
  auto none = acceptResponse(policy, auth);
  REQUIRE_FALSE(none);
  CHECK(none.error().code == HandshakeErrc::NoCommonMethod);
  CHECK(none.error().message.find("client offered CLAIMTOBE") != std::string::npos);

  ServerResponse noEnact;
  CHECK(acceptResponse(policy, noEnact).error().message.find("Enact") != std::string::npos);

  ClientPolicy wantsAuth;
  wantsAuth.levels.authentication = SecLevel::Required;
  ServerResponse declined;
  declined.enact = "YES";
  declined.authentication = "NO";
  declined.ecdhPublicKey = "x";
  CHECK(acceptResponse(wantsAuth, declined).error().message.starts_with("client requires authentication"));
}

TEST_CASE("method selection: bitmask, server choice, fallback, and what each side offered") {
  MethodSelector s({"FS", "TOKEN", "SCITOKENS", "ANONYMOUS"}, {AuthMethod::Anonymous, AuthMethod::Token});
  CHECK(s.bitmask() == (2048u | 128u));
  CHECK(s.remaining() == std::vector<AuthMethod>{AuthMethod::Token, AuthMethod::Anonymous});
  auto choice = s.choice(encodeIntMessage(2048));
  REQUIRE(choice);
  CHECK(*choice == AuthMethod::Token);
  CHECK(s.choice(encodeIntMessage(4)).error().code == HandshakeErrc::UnsupportedMethod);
  s.failed(AuthMethod::Token);
  CHECK(s.bitmask() == 128u);
  s.failed(AuthMethod::Anonymous);
  auto empty = s.offer();
  REQUIRE_FALSE(empty);
  CHECK(empty.error().message ==
        "no authentication method left to try: client supports ANONYMOUS,TOKEN, server offers FS,TOKEN,SCITOKENS,ANONYMOUS");
  CHECK(s.choice(encodeIntMessage(0)).error().code == HandshakeErrc::NoCommonMethod);

  MethodSelector disjoint({"FS", "SSL"}, {AuthMethod::Token});
  CHECK(disjoint.offer().error().message.find("client supports TOKEN, server offers FS,SSL") != std::string::npos);
  CHECK(encodeGiveUp() == encodeIntMessage(0));
  CHECK(checkKeyExchange(encodeIntMessage(1)).error().message.find("hasKey = 1") != std::string::npos);
  CHECK(methodFromName("idtokens") == AuthMethod::Token);
  CHECK(methodName(AuthMethod::Token) == "TOKEN");
}

TEST_CASE("IDTOKENS errors: expired, unknown kid, wrong issuer, server rejection, forged hkt") {
  auto expired = parseIdToken(makeToken(R"({"alg":"HS256","kid":"POOL"})",
                                        R"({"exp":1000,"iss":"protodoc","jti":"j","sub":"alice@vm"})"));
  REQUIRE(expired);
  auto e = checkTokenForServer(*expired, std::string("protodoc"), {"POOL"}, 2000);
  REQUIRE_FALSE(e);
  CHECK(e.error().code == HandshakeErrc::TokenExpired);
  CHECK(e.error().message == "token for alice@vm expired at 1000 (now 2000)");
  CHECK(checkTokenForServer(*expired, std::string("protodoc"), {"POOL"}, 999));

  auto otherKey = parseIdToken(makeToken(R"({"alg":"HS256","kid":"OTHER"})", R"({"iss":"protodoc","sub":"a"})"));
  REQUIRE(otherKey);
  auto k = checkTokenForServer(*otherKey, std::nullopt, {"POOL", "K2"}, 0);
  REQUIRE_FALSE(k);
  CHECK(k.error().code == HandshakeErrc::UnknownKeyId);
  CHECK(k.error().message == "token key id \"OTHER\" is not among the server's signing keys (POOL,K2)");
  CHECK(checkTokenForServer(*otherKey, std::nullopt, {}, 0));

  auto i = checkTokenForServer(*otherKey, std::string("vm"), {}, 0);
  REQUIRE_FALSE(i);
  CHECK(i.error().code == HandshakeErrc::WrongIssuer);
  CHECK(i.error().message.find("\"protodoc\" is not the server's trust domain \"vm\"") != std::string::npos);

  auto scoped = parseIdToken(makeToken(R"({"alg":"HS256"})", R"({"sub":"a","scope":"condor:/READ condor:/WRITE"})"));
  REQUIRE(scoped);
  CHECK(scoped->kid == "POOL");
  CHECK(scoped->scopes == std::vector<std::string>{"condor:/READ", "condor:/WRITE"});
  CHECK(parseIdToken("a.b").error().code == HandshakeErrc::InvalidToken);
  CHECK(parseIdToken(makeToken(R"({"alg":"none"})", R"({"sub":"a"})")).error().message.find("none") !=
        std::string::npos);
  CHECK(parseIdToken(makeToken(R"({"alg":"HS256"})", R"({"iss":"x"})")).error().message.find("sub") !=
        std::string::npos);

  // Message 2 with status -1 (the 25.x report of a token it refuses).
  auto token = parseIdToken(kToken04);
  REQUIRE(token);
  auto exchange = TokenExchange::startWith(*token, Bytes(256, 7));
  REQUIRE(exchange);
  cedar::MessageWriter refusal;
  refusal.putInt(-1).putInt(0).putString("").putInt(0).putString("").putInt(0).putInt(0).putInt(0);
  auto rejected = exchange->onServerMessage(refusal.bytes());
  REQUIRE_FALSE(rejected);
  CHECK(rejected.error().code == HandshakeErrc::ServerRejected);
  CHECK(rejected.error().message.find("alice@vm") != std::string::npos);
  cedar::MessageWriter expectedFailure;
  expectedFailure.putInt(-1).putInt(0).putString("").putInt(0).putInt(0);
  CHECK(TokenExchange::failureMessage() == expectedFailure.bytes());

  // Capture 04's message 2 answers another ra: the echo check fails.
  Capture c = loadCapture("04-idtokens-ecdh-aesgcm-testvector.hex");
  CHECK(exchange->onServerMessage(c.connections[0][6].payload()).error().code == HandshakeErrc::ServerNotVerified);
  // A flipped hkt bit: the server did not prove the key.
  auto genuine = TokenExchange::startWith(*token, c.secret("ra"));
  REQUIRE(genuine);
  Bytes forged = c.connections[0][6].payload();
  forged.back() ^= 1;
  auto hkt = genuine->onServerMessage(forged);
  REQUIRE_FALSE(hkt);
  CHECK(hkt.error().message.find("hkt mismatch") != std::string::npos);
}

TEST_CASE("CLAIMTOBE and ANONYMOUS") {
  auto request = claimToBeRequest("bob@vm");
  REQUIRE(request);
  cedar::MessageWriter expected;
  expected.putInt(1).putString("bob@vm");
  CHECK(*request == expected.bytes());
  CHECK(*claimToBeRequest(std::nullopt) == encodeIntMessage(0));
  CHECK(claimToBeReply(encodeIntMessage(1)));
  CHECK(claimToBeReply(encodeIntMessage(0)).error().message.find("CLAIMTOBE") != std::string::npos);
  CHECK(anonymousReply(encodeIntMessage(1)));
  CHECK(anonymousReply(Bytes{1, 2}).error().code == HandshakeErrc::MalformedMessage);
}

TEST_CASE("post-auth and resume replies: DENIED, SID_NOT_FOUND") {
  cl::ClassAd denied;
  denied.insert("ReturnCode", cl::makeLiteral(cl::Value::string("DENIED")));
  denied.insert("User", cl::makeLiteral(cl::Value::string("alice@vm")));
  auto d = parsePostAuth(denied, 60023);
  REQUIRE_FALSE(d);
  CHECK(d.error().message == "server refused command 60023 for alice@vm (ReturnCode \"DENIED\")");
  cl::ClassAd noSid;
  noSid.insert("ReturnCode", cl::makeLiteral(cl::Value::string("AUTHORIZED")));
  CHECK(parsePostAuth(noSid, 5).error().code == HandshakeErrc::MissingAttribute);
  cl::ClassAd gone;
  gone.insert("ReturnCode", cl::makeLiteral(cl::Value::string("SID_NOT_FOUND")));
  CHECK(parseResumeResponse(gone, "vm:1:2:3").error().code == HandshakeErrc::SessionNotFound);
  auto nonce = makeResumeNonce();
  REQUIRE(nonce);
  CHECK(nonce->size() == 33);
}

TEST_CASE("session cache: keys, expiry, lease, invalidation") {
  CHECK(SessionCache::commandKey("", "<1.2.3.4:9618>", 5) == "{<1.2.3.4:9618>,<5>}");
  CHECK(SessionCache::commandKey("alice", "<1.2.3.4:9618>", 5) == "{alice,<1.2.3.4:9618>,<5>}");
  SessionCache cache;
  CachedSession s;
  s.id = "sid1";
  s.connectSinful = "<h:1>";
  s.validCommands = {5, 6};
  s.leaseInterval = 30;
  cache.insert(s, 60, "", 1000);
  CHECK(cache.lookup("", "<h:1>", 5, 1010));
  CHECK_FALSE(cache.lookup("", "<h:1>", 7, 1010));   // not a valid command
  CHECK_FALSE(cache.lookup("bob", "<h:1>", 5, 1010));  // another tag
  CHECK_FALSE(cache.lookup("", "<h:2>", 5, 1010));   // another address
  CHECK(cache.find("sid1", 1010)->expiresAt() == 1030);  // the lease comes first
  cache.renewLease("sid1", 1025);
  CHECK(cache.find("sid1", 1050));
  CHECK_FALSE(cache.lookup("", "<h:1>", 6, 1060));  // duration over: dropped
  CHECK(cache.size() == 0);

  cache.insert(s, std::nullopt, "", 1000);
  CHECK(cache.expire(1029) == 0);
  CHECK(cache.expire(1030) == 1);
  s.leaseInterval = 0;
  cache.insert(s, std::nullopt, "", 1000);
  CHECK(cache.find("sid1", 1'000'000'000));  // neither duration nor lease: never expires
  CHECK(cache.invalidate("sid1"));
  CHECK_FALSE(cache.invalidate("sid1"));
  CHECK_FALSE(cache.lookup("", "<h:1>", 5, 1000));
}
