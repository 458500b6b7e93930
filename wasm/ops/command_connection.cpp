#include "ops/command_connection.hpp"

#include <algorithm>
#include <utility>

#include "cedar/classad_wire.hpp"
#include "cedar/shared_port.hpp"
#include "core/release.hpp"
#include "ops/authenticate.hpp"
#include "ops/handshake_channel.hpp"
#include "security/auth_info.hpp"
#include "security/ecdh.hpp"
#include "security/hmac.hpp"
#include "security/key_derivation.hpp"
#include "security/packet_transforms.hpp"

namespace htcondor::ops {

namespace sec = htcondor::security;

CommandConnection::CommandConnection(Io& io, int conn, SessionInfo session,
                                     std::shared_ptr<cedar::PacketTransform> transform,
                                     std::optional<std::int64_t> rawCommand)
    : io_(io), conn_(conn), session_(std::move(session)), rawCommand_(rawCommand) {
  encoder_.setTransform(std::move(transform));
}

Result<CommandRequest, Error> CommandRequest::to(const std::string& address, std::int64_t command) {
  auto sinful = net::Sinful::parse(address);
  if (!sinful) return failure("bad daemon address " + address + ": " + sinful.error());
  CommandRequest request;
  request.address = std::move(*sinful);
  request.addressText = address;
  request.command = command;
  return request;
}

cedar::MessageWriter CommandConnection::writer() {
  cedar::MessageWriter w(encrypted());
  if (rawCommand_) w.putInt(*std::exchange(rawCommand_, std::nullopt));
  return w;
}

Status<Error> CommandConnection::send(cedar::MessageWriter&& message) {
  auto body = std::move(message).finish();
  if (!body) return failure(body.error().message);
  auto wire = encoder_.encode(*body);
  if (!wire) return failure(wire.error().message);
  io_.send(conn_, std::move(*wire));
  return std::monostate{};
}

Status<Error> CommandConnection::sendAd(const classad::ClassAd& ad) {
  auto message = writer();
  if (auto put = cedar::putClassAd(message, ad); !put) return failure(put.error().message);
  return send(std::move(message));
}

std::string sessionTag(const SecurityOptions& security) {
  std::string material;
  for (const auto& token : security.tokens) material += token + "\n";
  if (security.poolPassword) material += "password:" + *security.poolPassword + "\n";
  if (security.claimToBeName) material += "claimtobe:" + *security.claimToBeName;
  static constexpr std::string_view kLabel = "htcondor-wasm session tag";
  auto mac = sec::hmacSha256(std::span(reinterpret_cast<const std::uint8_t*>(kLabel.data()), kLabel.size()),
                             std::span(reinterpret_cast<const std::uint8_t*>(material.data()), material.size()));
  // HMAC over memory does not fail; were it to, the credentials themselves keep sessions apart
  // (the cache key never leaves the process).
  if (!mac) return security.tag + "/" + material;
  std::string tag = security.tag + "/";
  static constexpr char kHex[] = "0123456789abcdef";
  for (std::size_t i = 0; i < 8; ++i) tag += {kHex[(*mac)[i] >> 4], kHex[(*mac)[i] & 15]};
  return tag;
}

namespace {

// TCP connection, then SHARED_PORT_CONNECT when the address names a daemon behind the shared
// port (the shared-port daemon consumes it: it is not part of the handshake digests).
Async<Result<int, Error>> openConnection(Io& io, const CommandRequest& request) {
  auto target = net::chooseConnectAddress(request.address);
  if (!target) co_return failure(target.error());
  const int conn = io.connect(target->host, target->port);
  if (auto up = co_await connected(io, conn); !up) co_return failure(up.error());
  if (target->sharedPortId) {
    cedar::SharedPortConnect hello;
    hello.sharedPortId = *target->sharedPortId;
    hello.clientName = "htcondor-wasm";
    auto message = cedar::encodeSharedPortConnect(hello);
    if (!message) co_return failure(message.error().message);
    auto wire = cedar::PacketEncoder().encode(*message);
    if (!wire) co_return failure(wire.error().message);
    io.send(conn, std::move(*wire));
  }
  co_return conn;
}

std::string commandText(const CommandRequest& request) {
  std::string text = "command " + std::to_string(request.command);
  if (request.authCommand) text += " (for command " + std::to_string(*request.authCommand) + ")";
  return text;
}

// Every method name HTCondor knows, after the caller's own: the daemon then answers with all
// the methods it accepts (AuthMethodsList), so that "no common method" can name both sides.
// What the client offers in step 3a stays limited to what it can run.
std::vector<sec::AuthMethod> advertisedMethods(const std::vector<sec::AuthMethod>& configured) {
  using M = sec::AuthMethod;
  std::vector<M> all = configured;
  for (M m : {M::Token, M::SciTokens, M::Ssl, M::Password, M::Fs, M::FsRemote, M::Kerberos, M::Ntsspi, M::Munge,
              M::ClaimToBe, M::Anonymous}) {
    if (std::find(all.begin(), all.end(), m) == all.end()) all.push_back(m);
  }
  return all;
}

SessionInfo infoFromCache(const sec::CachedSession& s) {
  SessionInfo info;
  info.negotiated = true;
  info.resumed = true;
  info.sid = s.id;
  info.user = s.user;
  info.authMethod = s.authMethod;
  info.authenticated = !s.authMethod.empty();
  info.triedAuthentication = s.triedAuthentication;
  info.encrypted = true;
  info.cryptoMethod = s.cryptoMethod;
  info.peerVersion = s.peerVersion;
  info.validCommands = s.validCommands;
  info.sessionLease = s.leaseInterval;
  return info;
}

// Installs the AES-GCM records of a session key on both directions, binding the handshake
// transcript into the first packet of each (protocol doc 6.4).
Result<std::shared_ptr<sec::AesGcmTransform>, Error> installKey(HandshakeChannel& channel, const sec::SessionKey& key) {
  auto stream = sec::AesGcmStream::create(key, channel.transcript->freeze());
  if (!stream) return failure(std::string("cannot start AES-GCM: ") + sec::describe(stream.error()));
  auto aes = std::make_shared<sec::AesGcmTransform>(std::move(*stream));
  channel.setTransform(aes);
  return aes;
}

// A resumption (5.9). nullopt: the daemon no longer has the session (the caller forgets it and
// negotiates a new one on a new connection).
Async<Result<std::optional<std::unique_ptr<CommandConnection>>, Error>> resume(
    Io& io, int conn, sec::SessionCache& sessions, const sec::CachedSession& cached, const SecurityOptions& security,
    const CommandRequest& request) {
  using Out = std::optional<std::unique_ptr<CommandConnection>>;
  HandshakeChannel channel(io, conn);
  auto nonce = sec::makeResumeNonce();
  if (!nonce) co_return failure(nonce.error().message);
  sec::ResumeParams params;
  params.command = request.command;
  params.authCommand = request.authCommand;
  params.sid = cached.id;
  params.cryptoMethod = cached.cryptoMethod;
  params.nonce = std::move(*nonce);
  params.connectSinful = request.addressText;
  // A replayable request goes on without the resume response: a round trip less. The daemon's
  // answer to it confirms the session (sendRequest).
  params.resumeResponse = !request.replayable;
  auto ad = sec::buildResumeAd(params);
  if (!ad) co_return failure(ad.error().message);
  if (auto sent = channel.sendAuthenticate(**ad); !sent) co_return failure(sent.error());

  const std::string sid = cached.id;
  if (params.resumeResponse) {
    auto reply = co_await channel.receiveAd("resume response", false);
    if (!reply) {
      // A daemon that lost the session may just close: start again with a new one.
      sessions.invalidate(sid);
      co_return Out{};
    }
    auto resumed = sec::parseResumeResponse(**reply, sid);
    if (!resumed) {
      sessions.invalidate(sid);
      if (resumed.error().code == sec::HandshakeErrc::SessionNotFound) co_return Out{};
      co_return failure(resumed.error().message);
    }
  }
  auto aes = installKey(channel, cached.key);
  if (!aes) co_return failure(aes.error());
  SessionInfo info = infoFromCache(cached);
  info.unconfirmed = !params.resumeResponse;
  sessions.renewLease(sid, security.now);
  co_return Out{std::make_unique<CommandConnection>(io, conn, std::move(info), std::move(*aes), std::nullopt)};
}

// A new session (5.2 - 5.7).
Async<ConnectionResult> negotiate(Io& io, int conn, sec::SessionCache& sessions, const SecurityOptions& security,
                                  const CommandRequest& request, const std::string& tag) {
  HandshakeChannel channel(io, conn);
  auto keyPair = sec::EcdhKeyPair::generate();
  if (!keyPair) co_return failure(std::string("cannot make an ECDH key: ") + sec::describe(keyPair.error()));

  sec::ClientPolicy advertised = security.policy;
  advertised.authMethods = advertisedMethods(security.policy.authMethods);
  if (advertised.levels.authentication == sec::SecLevel::Preferred && !canAuthenticate(security))
    advertised.levels.authentication = sec::SecLevel::Optional;
  sec::AuthInfoParams params;
  params.command = request.command;
  params.authCommand = request.authCommand;
  params.ecdhPublicKey = keyPair->publicKeyBase64();
  params.connectSinful = request.addressText;
  params.pid = security.pid;
  params.trustDomain = security.trustDomain;
  auto authInfo = sec::buildAuthInfoAd(advertised, params);
  if (!authInfo) co_return failure(authInfo.error().message);
  if (auto sent = channel.sendAuthenticate(**authInfo); !sent) co_return failure(sent.error());

  auto responseMessage = co_await channel.receive("security policy response");
  if (!responseMessage) {
    // A network or proxy failure names itself; a daemon that just closes refuses the policy.
    if (io.failure) co_return failure(responseMessage.error());
    const auto& l = advertised.levels;
    co_return failure("the daemon closed the connection instead of answering the security negotiation for " +
                      commandText(request) +
                      ": it cannot reconcile its security policy with this client's (authentication " +
                      sec::levelName(l.authentication) + ", encryption " + sec::levelName(l.encryption) +
                      ", integrity " + sec::levelName(l.integrity) + "), or it does not know the command");
  }
  auto responseAd = sec::decodeAdMessage(*responseMessage, false, "security policy response");
  if (!responseAd) co_return failure(responseAd.error().message);
  const sec::ServerResponse response = sec::parseServerResponse(**responseAd);
  auto plan = sec::acceptResponse(advertised, response);
  if (!plan) co_return failure(plan.error().message);

  std::optional<sec::AuthMethod> method;
  if (plan->authenticate) {
    auto target = net::chooseConnectAddress(request.address);
    std::optional<std::string> serverName;
    if (target) serverName = target->alias ? *target->alias : target->host;
    auto outcome = co_await authenticate(channel, security, *plan, serverName);
    if (!outcome) co_return failure(outcome.error());
    method = *outcome;
  }

  // A daemon before 23.10 makes the key only after a successful authentication; later ones
  // whenever they sent their ECDH key.
  const auto peer = parseVersionBanner(plan->remoteVersion);
  const bool keyed = plan->serverEcdhKey && (!plan->authenticate || method || (peer && *peer >= Release{23, 10, 0}));
  std::shared_ptr<sec::AesGcmTransform> aes;
  sec::SessionKey key{};
  if (keyed) {
    auto serverKey = sec::decodeEcdhPublicKey(*plan->serverEcdhKey);
    if (!serverKey) co_return failure("the daemon's ECDH public key is invalid");
    auto secret = keyPair->sharedSecret(*serverKey);
    if (!secret) co_return failure(std::string("ECDH failed: ") + sec::describe(secret.error()));
    auto derived = sec::deriveSessionKey(*secret);
    if (!derived) co_return failure(std::string("key derivation failed: ") + sec::describe(derived.error()));
    key = *derived;
    auto installed = installKey(channel, key);
    if (!installed) co_return failure(installed.error());
    aes = std::move(*installed);
  } else {
    channel.setTransform(nullptr);
    const auto& l = security.policy.levels;
    if (l.encryption == sec::SecLevel::Required || l.integrity == sec::SecLevel::Required)
      co_return failure("this client requires encryption and integrity, but the daemon made no session key "
                        "(HTCondor before 23.10 makes one only after a successful authentication)");
  }

  auto postAuthAd = co_await channel.receiveAd("post-authentication ad", keyed);
  if (!postAuthAd) co_return failure(postAuthAd.error());
  auto postAuth = sec::parsePostAuth(**postAuthAd, request.authCommand.value_or(request.command));
  if (!postAuth) co_return failure(postAuth.error().message);

  SessionInfo info;
  info.negotiated = true;
  info.sid = postAuth->sid;
  info.user = postAuth->user;
  info.authMethod = method ? std::string(sec::methodName(*method)) : "";
  info.authenticated = method.has_value();
  info.triedAuthentication = postAuth->triedAuthentication;
  info.encrypted = keyed;
  info.cryptoMethod = keyed ? plan->cryptoMethod : "";
  info.peerVersion = plan->remoteVersion;
  info.validCommands = postAuth->validCommands;
  info.sessionDuration = plan->sessionDuration;
  info.sessionLease = plan->sessionLease;
  info.authMethodsList = response.authMethodsList.value_or("");
  info.trustDomain = plan->trustDomain;
  info.issuerKeys = response.issuerKeys.value_or("");

  if (keyed) {
    sec::CachedSession cached;
    cached.id = info.sid;
    cached.connectSinful = request.addressText;
    cached.key = key;
    cached.cryptoMethod = info.cryptoMethod;
    cached.user = info.user;
    cached.peerVersion = info.peerVersion;
    cached.validCommands = info.validCommands;
    cached.triedAuthentication = info.triedAuthentication;
    cached.leaseInterval = plan->sessionLease.value_or(0);
    cached.authMethod = info.authMethod;
    sessions.insert(std::move(cached), plan->sessionDuration, tag, security.now);
  }
  co_return std::make_unique<CommandConnection>(io, conn, std::move(info), std::move(aes), std::nullopt);
}

}  // namespace

Async<ConnectionResult> startCommand(Io& io, sec::SessionCache& sessions, const SecurityOptions& security,
                                     const CommandRequest& request) {
  auto conn = co_await openConnection(io, request);
  if (!conn) co_return failure(conn.error());
  if (security.policy.levels.negotiation == sec::SecLevel::Never) {
    co_return std::make_unique<CommandConnection>(io, *conn, SessionInfo{}, nullptr, request.command);
  }
  const std::string tag = sessionTag(security);
  const std::int64_t lookupCommand = request.authCommand.value_or(request.command);
  if (!request.newSession) {
    if (const auto* cached = sessions.lookup(tag, request.addressText, lookupCommand, security.now)) {
      const sec::CachedSession session = *cached;
      auto resumed = co_await resume(io, *conn, sessions, session, security, request);
      if (!resumed) co_return failure(resumed.error());
      if (*resumed) co_return std::move(**resumed);
      io.close(*conn);
      conn = co_await openConnection(io, request);
      if (!conn) co_return failure(conn.error());
    }
  }
  co_return co_await negotiate(io, *conn, sessions, security, request, tag);
}

Async<ConnectionResult> sendRequest(Io& io, sec::SessionCache& sessions, const SecurityOptions& security,
                                    CommandRequest request, const std::function<Status<Error>(CommandConnection&)>& send) {
  for (;;) {
    auto connection = co_await startCommand(io, sessions, security, request);
    if (!connection) co_return failure(connection.error());
    auto& c = **connection;
    if (auto sent = send(c); !sent) co_return failure(sent.error());
    if (!c.session().unconfirmed) co_return std::move(*connection);
    auto heard = co_await answered(io, c.id());
    if (!heard) co_return failure(heard.error());
    if (*heard) co_return std::move(*connection);
    // Closed unanswered: the daemon no longer has the session (or refuses the command in it).
    // Once more on a new session, whose handshake says which.
    sessions.invalidate(c.session().sid);
    c.close();
    request.newSession = true;
  }
}

}  // namespace htcondor::ops
