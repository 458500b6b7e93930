// The ClassAds of the command handshake (protocol doc 5.2, 5.3, 5.7, 5.9): the client's
// auth-info ad for a new session and its resume ad, the DC_AUTHENTICATE message that carries
// them, and the server's response, post-auth and resume-response ads read into structs.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cedar/packet.hpp"
#include "classad/classad.hpp"
#include "security/handshake_error.hpp"
#include "security/policy.hpp"

namespace htcondor::security {

inline constexpr std::int64_t kDcAuthenticate = 60010;
inline constexpr std::int64_t kDcSecQuery = 60040;
inline constexpr std::size_t kResumeNonceSize = 33;  // 44 base64 characters

// Everything in the auth-info ad that is not policy.
struct AuthInfoParams {
  std::int64_t command = 0;
  // Sent only when `command` is DC_AUTHENTICATE or DC_SEC_QUERY: the command being set up.
  std::optional<std::int64_t> authCommand;
  std::string ecdhPublicKey;  // base64 (EcdhKeyPair::publicKeyBase64); always send one (5.2)
  std::string connectSinful;  // the address connected to, e.g. "<127.0.0.1:9618>"
  // Must be a well-formed banner: a 25.14.1 daemon aborts on a malformed one. Empty: the
  // library's own versionBanner().
  std::string remoteVersion;
  std::string subsystem = "TOOL";
  std::int64_t pid = 0;
  std::optional<std::string> trustDomain;
  std::optional<std::string> issuerKeys;  // key ids of the tokens the client holds
};

// The auth-info ad of a new session (5.2). Fails only for a contradictory client policy or a
// malformed version banner.
HsResult<std::shared_ptr<classad::ClassAd>> buildAuthInfoAd(const ClientPolicy& policy,
                                                            const AuthInfoParams& params);

struct ResumeParams {
  std::int64_t command = 0;
  std::optional<std::int64_t> authCommand;
  std::string sid;
  std::string cryptoMethod = "AES";
  std::vector<std::uint8_t> nonce;  // kResumeNonceSize fresh random bytes (makeResumeNonce)
  bool resumeResponse = true;
  std::string remoteVersion;  // empty: versionBanner()
  std::optional<std::string> connectSinful;
};
HsResult<std::vector<std::uint8_t>> makeResumeNonce();
// The resume ad (5.9): exactly the attributes HTCondor's m_resume_proj sends.
HsResult<std::shared_ptr<classad::ClassAd>> buildResumeAd(const ResumeParams& params);

// Step 1's message: int DC_AUTHENTICATE, then the ad. Attributes go out in byte order of their
// names (any order is valid; this one is stable and matches the reference captures).
HsResult<cedar::Bytes> encodeAuthenticateMessage(const classad::ClassAd& ad);

// One message holding one ad and nothing else; `encrypted` once AES is on (length-prefixed
// strings). `what` names the ad in errors.
HsResult<std::shared_ptr<classad::ClassAd>> decodeAdMessage(std::span<const std::uint8_t> message, bool encrypted,
                                                            std::string_view what);

ServerResponse parseServerResponse(const classad::ClassAd& ad);

// The post-auth ad (5.7).
struct PostAuthInfo {
  std::string returnCode;
  std::string sid;
  std::optional<std::string> user;  // our identity as the server mapped it
  std::vector<std::int64_t> validCommands;
  bool triedAuthentication = false;
};
// Fails unless ReturnCode is AUTHORIZED, and when Sid or ValidCommands is missing (HTCondor's
// client cannot cache the session then). `command` is only named in the error.
HsResult<PostAuthInfo> parsePostAuth(const classad::ClassAd& ad, std::int64_t command);

// The resume response (5.9).
struct ResumeReply {
  std::string returnCode;
  std::optional<std::string> nonce;
  std::optional<std::string> remoteVersion;
};
// SID_NOT_FOUND fails with SessionNotFound (the caller invalidates the cached session and starts
// a new one); any other code but AUTHORIZED (or none) fails with Denied.
HsResult<ResumeReply> parseResumeResponse(const classad::ClassAd& ad, std::string_view sid);

}  // namespace htcondor::security
