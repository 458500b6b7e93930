// A command connection to a daemon (protocol doc 5): connect (through the shared port when the
// address names one), then either a raw command or the DC_AUTHENTICATE handshake, resuming a
// cached session when there is one and negotiating a new one otherwise (policy, authentication
// with method fallback, ECDH, AES-GCM, post-auth ad). What comes out is a connection on which
// the operation exchanges its command's messages, encrypted when the session has a key.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cedar/message.hpp"
#include "classad/classad.hpp"
#include "net/sinful.hpp"
#include "ops/async.hpp"
#include "ops/task.hpp"
#include "security/lazy_secret.hpp"
#include "security/policy.hpp"
#include "security/session_cache.hpp"

namespace htcondor::ops {

// The caller's side of security (HTCondor's SecMan state for one call): policy, credentials,
// and the clock the handshake needs (token expiry, session lifetimes).
struct SecurityOptions {
  security::ClientPolicy policy;
  std::vector<std::string> tokens;          // IDTOKENS, in the order to try them
  std::optional<std::string> poolPassword;  // PASSWORD
  security::LazySecret sslCaPem;            // SSL, SCITOKENS: trusted CAs (AUTH_SSL_CLIENT_CAFILE's contents)
  bool sslSkipHostCheck = false;            // SSL_SKIP_HOST_CHECK
  security::LazySecret scitoken;            // SCITOKENS
  std::optional<std::string> claimToBeName; // CLAIMTOBE identity ("user@domain")
  std::optional<std::string> trustDomain;   // sent in the auth-info ad when configured
  std::string tag;                          // separates sessions of different identities
  std::int64_t now = 0;                     // Unix seconds
  std::int64_t pid = 0;                     // sent as ServerPid, for the daemon's log
};

struct CommandRequest {
  // A request for `command` at `address` (a sinful string); fails, naming it, for a bad address.
  static Result<CommandRequest, Error> to(const std::string& address, std::int64_t command);

  net::Sinful address;
  std::string addressText;  // the address as given: ConnectSinful and the session cache key
  std::int64_t command = 0;
  std::optional<std::int64_t> authCommand;  // DC_SEC_QUERY: the command being checked
  bool newSession = false;                  // never resume (ping always negotiates anew)
  // The command changes nothing, so it may be sent twice (queries): a cached session resumes
  // without the resume response (5.9); see sendRequest.
  bool replayable = false;
};

// What the handshake established: the session the command runs in.
struct SessionInfo {
  bool negotiated = false;  // false: raw command, no session
  bool resumed = false;
  bool unconfirmed = false;  // resumed without the resume response: the daemon may not have it
  std::string sid;
  std::optional<std::string> user;  // our identity as the daemon mapped it
  std::string authMethod;           // the method that authenticated us, "" if none
  bool authenticated = false;
  bool triedAuthentication = false;
  bool encrypted = false;           // AES-GCM on
  std::string cryptoMethod;         // "AES" or ""
  std::string peerVersion;          // the daemon's RemoteVersion
  std::vector<std::int64_t> validCommands;
  std::optional<std::int64_t> sessionDuration;
  std::optional<std::int64_t> sessionLease;
  std::string authMethodsList;      // the response's AuthMethodsList, server order
  std::optional<std::string> trustDomain;
  std::string issuerKeys;
};

class CommandConnection {
 public:
  CommandConnection(Io& io, int conn, SessionInfo session, std::shared_ptr<cedar::PacketTransform> transform,
                    std::optional<std::int64_t> rawCommand);

  const SessionInfo& session() const { return session_; }
  bool encrypted() const { return session_.encrypted; }

  // A writer for the next message, in the session's string encoding. On a raw connection
  // the first message starts with the command, as the raw protocol sends them together.
  cedar::MessageWriter writer();
  Status<Error> send(cedar::MessageWriter&& message);
  // A message holding one ad (the usual payload).
  Status<Error> sendAd(const classad::ClassAd& ad);
  NextMessage receive() { return nextMessage(io_, conn_); }
  // A long message as it arrives (see PacketDecoder::nextPart).
  NextMessagePart receivePart() { return nextMessagePart(io_, conn_); }
  // File data on an unencrypted stream travels unframed (file-transfer protocol, F6).
  void sendRaw(Bytes bytes) { io_.send(conn_, std::move(bytes)); }
  NextRaw receiveRaw(size_t max) { return nextRaw(io_, conn_, max); }
  // A reader over a received message, in the session's string encoding.
  cedar::MessageReader reader(const Bytes& message) const { return cedar::MessageReader(message, encrypted()); }
  void close() { io_.close(conn_); }
  int id() const { return conn_; }

 private:
  Io& io_;
  int conn_;
  SessionInfo session_;
  cedar::PacketEncoder encoder_;
  std::optional<std::int64_t> rawCommand_;
};

// The session cache key's tag for these options: the caller's tag and a fingerprint of its
// credentials, so a session authenticated with one token is never resumed by a call that was
// given another.
std::string sessionTag(const SecurityOptions& security);

using ConnectionResult = Result<std::unique_ptr<CommandConnection>, Error>;

// Opens the connection and runs the handshake the policy asks for: raw when its negotiation
// level is NEVER, negotiated otherwise. `sessions` is the caller's session cache: read for a
// session to resume, written with the new one.
Async<ConnectionResult> startCommand(Io& io, security::SessionCache& sessions, const SecurityOptions& security,
                                     const CommandRequest& request);

// startCommand, then the request (`send` writes it). For a replayable request on a session
// resumed unconfirmed, waits until the daemon answers: one that closes unanswered no longer has
// the session (it restarted, or forgot it), which is dropped and the request sent again on a new one.
Async<ConnectionResult> sendRequest(Io& io, security::SessionCache& sessions, const SecurityOptions& security,
                                    CommandRequest request, const std::function<Status<Error>(CommandConnection&)>& send);

}  // namespace htcondor::ops
