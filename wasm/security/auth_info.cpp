#include "security/auth_info.hpp"

#include <algorithm>
#include <cstdlib>

#include <mbedtls/base64.h>

#include "cedar/classad_wire.hpp"
#include "cedar/message.hpp"
#include "classad/eval.hpp"
#include "classad/tree_build.hpp"
#include "classad/unparse.hpp"
#include "classad/value.hpp"
#include "core/release.hpp"
#include "security/random.hpp"

namespace htcondor::security {
namespace cl = htcondor::classad;
namespace {

void putString(cl::ClassAd& ad, std::string name, std::string value) {
  ad.insert(std::move(name), cl::makeLiteral(cl::Value::string(std::move(value))));
}
void putInt(cl::ClassAd& ad, std::string name, std::int64_t value) {
  ad.insert(std::move(name), cl::makeLiteral(cl::Value::integer(value)));
}
void putBool(cl::ClassAd& ad, std::string name, bool value) {
  ad.insert(std::move(name), cl::makeLiteral(cl::Value::boolean(value)));
}

std::optional<std::string> getString(const cl::ClassAd& ad, std::string_view name) {
  auto v = cl::evaluateAttr(ad, name);
  if (!v || !v->isString()) return std::nullopt;
  return v->asString();
}
std::optional<bool> getBool(const cl::ClassAd& ad, std::string_view name) {
  auto v = cl::evaluateAttr(ad, name);
  bool out = false;
  if (!v || !cl::booleanEquivalent(*v, out)) return std::nullopt;
  return out;
}

// The banner goes into a pre-authentication ad that a 25.14.1 daemon parses unguarded.
HsResult<std::string> checkedBanner(const std::string& requested) {
  std::string banner = requested.empty() ? versionBanner() : requested;
  if (!parseVersionBanner(banner))
    return hsFail(HandshakeErrc::InvalidPolicy,
                  "RemoteVersion \"" + banner + "\" is not a well-formed \"$CondorVersion: X.Y.Z <text> $\" banner");
  return banner;
}

void putCommand(cl::ClassAd& ad, std::int64_t command, std::optional<std::int64_t> authCommand) {
  putInt(ad, "Command", command);
  if (authCommand && (command == kDcAuthenticate || command == kDcSecQuery)) putInt(ad, "AuthCommand", *authCommand);
}

std::string base64(std::span<const std::uint8_t> bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
  std::size_t length = 0;
  if (mbedtls_base64_encode(reinterpret_cast<unsigned char*>(out.data()), out.size(), &length, bytes.data(),
                            bytes.size()) != 0)
    return {};
  out.resize(length);
  return out;
}

}  // namespace

HsResult<std::shared_ptr<cl::ClassAd>> buildAuthInfoAd(const ClientPolicy& policy, const AuthInfoParams& params) {
  auto levels = advertisedLevels(policy.levels);
  if (!levels) return Failure<HandshakeError>{levels.error()};
  auto banner = checkedBanner(params.remoteVersion);
  if (!banner) return Failure<HandshakeError>{banner.error()};

  auto ad = std::make_shared<cl::ClassAd>();
  putCommand(*ad, params.command, params.authCommand);
  putString(*ad, "Enact", "NO");  // without it the server sends no response ad
  putString(*ad, "NewSession", "YES");
  putString(*ad, "Authentication", levelName(levels->authentication));
  putString(*ad, "AuthenticationNew", levelName(levels->authenticationNew));
  putString(*ad, "Encryption", levelName(levels->encryption));
  putString(*ad, "Integrity", levelName(levels->integrity));
  putString(*ad, "OutgoingNegotiation", levelName(levels->outgoingNegotiation));
  putString(*ad, "AuthMethods", methodList(policy.authMethods));
  putString(*ad, "CryptoMethods", joinList(policy.cryptoMethods));
  if (!params.ecdhPublicKey.empty()) putString(*ad, "ECDHPublicKey", params.ecdhPublicKey);
  putString(*ad, "RemoteVersion", *banner);
  putString(*ad, "SessionDuration", std::to_string(policy.sessionDuration));  // a string on the wire
  putInt(*ad, "SessionLease", policy.sessionLease);
  putBool(*ad, "NegotiatedSession", true);
  putString(*ad, "Subsystem", params.subsystem);
  putInt(*ad, "ServerPid", params.pid);
  if (!params.connectSinful.empty()) putString(*ad, "ConnectSinful", params.connectSinful);
  if (params.trustDomain) putString(*ad, "TrustDomain", *params.trustDomain);
  if (params.issuerKeys) putString(*ad, "IssuerKeys", *params.issuerKeys);
  return ad;
}

HsResult<std::vector<std::uint8_t>> makeResumeNonce() {
  std::vector<std::uint8_t> nonce(kResumeNonceSize);
  if (auto done = randomBytes(nonce); !done)
    return hsFail(HandshakeErrc::Crypto, std::string("resume nonce: ") + describe(done.error()));
  return nonce;
}

HsResult<std::shared_ptr<cl::ClassAd>> buildResumeAd(const ResumeParams& params) {
  auto banner = checkedBanner(params.remoteVersion);
  if (!banner) return Failure<HandshakeError>{banner.error()};
  if (params.sid.empty()) return hsFail(HandshakeErrc::MissingAttribute, "resume ad: no session id to resume");
  if (params.nonce.empty()) return hsFail(HandshakeErrc::MissingAttribute, "resume ad: no nonce");
  auto ad = std::make_shared<cl::ClassAd>();
  putString(*ad, "UseSession", "YES");
  putString(*ad, "Sid", params.sid);
  putCommand(*ad, params.command, params.authCommand);
  putString(*ad, "CryptoMethods", params.cryptoMethod);
  // Makes every resumption's handshake digest unique, so replayed traffic fails (6.4).
  putString(*ad, "Nonce", base64(params.nonce));
  putBool(*ad, "ResumeResponse", params.resumeResponse);
  putString(*ad, "RemoteVersion", *banner);
  if (params.connectSinful) putString(*ad, "ConnectSinful", *params.connectSinful);
  return ad;
}

HsResult<cedar::Bytes> encodeAuthenticateMessage(const cl::ClassAd& ad) {
  std::vector<std::pair<std::string_view, const cl::ExprTree*>> attrs;
  for (const auto& [name, expr] : ad.attributes()) attrs.emplace_back(name, expr.get());
  std::sort(attrs.begin(), attrs.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  cedar::MessageWriter out;
  out.putInt(kDcAuthenticate).putInt(static_cast<std::int64_t>(attrs.size()));
  for (const auto& [name, expr] : attrs) out.putString(cedar::attributeLine(name, *expr));
  out.putString("").putString("");  // the MyType and TargetType slots
  auto bytes = std::move(out).finish();
  if (!bytes) return hsFail(HandshakeErrc::MalformedMessage, "auth-info ad: " + bytes.error().message);
  return std::move(*bytes);
}

HsResult<std::shared_ptr<cl::ClassAd>> decodeAdMessage(std::span<const std::uint8_t> message, bool encrypted,
                                                       std::string_view what) {
  cedar::MessageReader in(message, encrypted);
  auto ad = cedar::getClassAd(in);
  if (!ad) return hsFail(HandshakeErrc::MalformedMessage, std::string(what) + ": " + ad.error().message);
  if (auto end = in.finish(); !end)
    return hsFail(HandshakeErrc::MalformedMessage, std::string(what) + ": " + end.error().message);
  return std::move(*ad);
}

ServerResponse parseServerResponse(const cl::ClassAd& ad) {
  ServerResponse r;
  r.enact = getString(ad, "Enact");
  r.authentication = getString(ad, "Authentication");
  r.encryption = getString(ad, "Encryption");
  r.integrity = getString(ad, "Integrity");
  r.authRequired = getBool(ad, "AuthRequired");
  r.authMethodsList = getString(ad, "AuthMethodsList");
  r.authMethods = getString(ad, "AuthMethods");
  r.cryptoMethodsList = getString(ad, "CryptoMethodsList");
  r.cryptoMethods = getString(ad, "CryptoMethods");
  r.ecdhPublicKey = getString(ad, "ECDHPublicKey");
  r.sessionDuration = getString(ad, "SessionDuration");
  r.sessionLease = cl::evaluateInteger(ad, "SessionLease");
  r.remoteVersion = getString(ad, "RemoteVersion");
  r.trustDomain = getString(ad, "TrustDomain");
  r.issuerKeys = getString(ad, "IssuerKeys");
  return r;
}

HsResult<PostAuthInfo> parsePostAuth(const cl::ClassAd& ad, std::int64_t command) {
  PostAuthInfo info;
  info.returnCode = getString(ad, "ReturnCode").value_or("");
  info.user = getString(ad, "User");
  info.triedAuthentication = getBool(ad, "TriedAuthentication").value_or(false);
  if (info.returnCode != "AUTHORIZED") {
    return hsFail(HandshakeErrc::Denied,
                  "server refused command " + std::to_string(command) + " for " +
                      (info.user ? *info.user : std::string("this client")) + " (ReturnCode \"" + info.returnCode +
                      "\")");
  }
  info.sid = getString(ad, "Sid").value_or("");
  if (info.sid.empty()) return hsFail(HandshakeErrc::MissingAttribute, "post-auth ad has no session id (Sid)");
  auto commands = getString(ad, "ValidCommands");
  if (!commands || commands->empty())
    return hsFail(HandshakeErrc::MissingAttribute, "post-auth ad has no ValidCommands");
  for (const auto& item : splitList(*commands)) {
    char* end = nullptr;
    long long n = std::strtoll(item.c_str(), &end, 10);
    if (end == item.c_str() || *end != '\0')
      return hsFail(HandshakeErrc::MalformedMessage, "post-auth ValidCommands has a non-number \"" + item + "\"");
    info.validCommands.push_back(n);
  }
  return info;
}

HsResult<ResumeReply> parseResumeResponse(const cl::ClassAd& ad, std::string_view sid) {
  ResumeReply reply;
  reply.returnCode = getString(ad, "ReturnCode").value_or("");
  reply.nonce = getString(ad, "Nonce");
  reply.remoteVersion = getString(ad, "RemoteVersion");
  if (reply.returnCode == "SID_NOT_FOUND")
    return hsFail(HandshakeErrc::SessionNotFound,
                  "server does not know session " + std::string(sid) + " (expired or restarted); start a new one");
  if (!reply.returnCode.empty() && reply.returnCode != "AUTHORIZED")
    return hsFail(HandshakeErrc::Denied, "server refused to resume session " + std::string(sid) + " (ReturnCode \"" +
                                             reply.returnCode + "\")");
  return reply;
}

}  // namespace htcondor::security
