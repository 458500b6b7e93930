#include "ops/ping.hpp"

#include <memory>
#include <string>

#include "cedar/classad_wire.hpp"
#include "classad/unparse.hpp"
#include "classad/value.hpp"
#include "protocol/command_table.hpp"

namespace htcondor::ops {

namespace cl = htcondor::classad;

namespace {

void set(cl::ClassAd& ad, const std::string& name, cl::Value value) {
  ad.insert(name, std::make_shared<cl::Literal>(std::move(value)));
}

// The session's side of the answer: attribute names as in the Python bindings' ping result.
void addSession(cl::ClassAd& ad, const SessionInfo& s, const CommandRequest& target) {
  auto yesNo = [](bool b) { return cl::Value::string(b ? "YES" : "NO"); };
  set(ad, "Command", cl::Value::integer(target.command));
  if (target.authCommand) set(ad, "AuthCommand", cl::Value::integer(*target.authCommand));
  set(ad, "Sid", cl::Value::string(s.sid));
  if (s.user) {
    set(ad, "MyRemoteUserName", cl::Value::string(*s.user));
    set(ad, "User", cl::Value::string(*s.user));
  }
  set(ad, "Authentication", yesNo(s.authenticated));
  if (!s.authMethod.empty()) set(ad, "AuthMethods", cl::Value::string(s.authMethod));
  if (!s.authMethodsList.empty()) set(ad, "AuthMethodsList", cl::Value::string(s.authMethodsList));
  set(ad, "TriedAuthentication", cl::Value::boolean(s.triedAuthentication));
  // AES-GCM both encrypts and authenticates every packet.
  set(ad, "Encryption", yesNo(s.encrypted));
  set(ad, "Integrity", yesNo(s.encrypted));
  if (!s.cryptoMethod.empty()) set(ad, "CryptoMethods", cl::Value::string(s.cryptoMethod));
  set(ad, "RemoteVersion", cl::Value::string(s.peerVersion));
  std::string commands;
  for (auto c : s.validCommands) commands += (commands.empty() ? "" : ",") + std::to_string(c);
  set(ad, "ValidCommands", cl::Value::string(commands));
  if (s.sessionDuration) set(ad, "SessionDuration", cl::Value::string(std::to_string(*s.sessionDuration)));
  if (s.sessionLease) set(ad, "SessionLease", cl::Value::integer(*s.sessionLease));
  set(ad, "ConnectSinful", cl::Value::string(target.addressText));
  if (s.trustDomain) set(ad, "TrustDomain", cl::Value::string(*s.trustDomain));
  if (!s.issuerKeys.empty()) set(ad, "IssuerKeys", cl::Value::string(s.issuerKeys));
  set(ad, "NegotiatedSession", cl::Value::boolean(true));
  set(ad, "Subsystem", cl::Value::string("TOOL"));
}

}  // namespace

std::optional<std::int64_t> pingCommand(std::string_view text) {
  if (auto level = protocol::sampleCommandForLevel(text)) return level;
  return protocol::commandNumber(text);
}

Task ping(Io& io, security::SessionCache& sessions, SecurityOptions security, PingRequest request) {
  auto made = CommandRequest::to(request.address, kDcSecQuery);
  if (!made) co_return io.finish(made.error(), ErrorKind::Value);
  if (request.deadline > 0) io.setDeadline(request.deadline);
  CommandRequest target = std::move(*made);
  target.authCommand = request.checkedCommand;
  target.newSession = true;
  if (security.policy.levels.negotiation == security::SecLevel::Never)
    co_return io.finish("ping needs security negotiation, which this client's policy (SEC_CLIENT_NEGOTIATION = NEVER) turns off",
                        ErrorKind::Value);

  auto connection = co_await startCommand(io, sessions, security, target);
  if (!connection) co_return io.finish(connection.error());
  auto& c = **connection;
  auto message = co_await c.receive();
  if (!message) co_return io.finish("no authorization answer from the daemon: " + message.error());
  auto reader = c.reader(*message);
  auto reply = cedar::getClassAd(reader);
  if (!reply) co_return io.finish("the daemon's authorization answer is malformed: " + reply.error().message);

  cl::ClassAd result;
  addSession(result, c.session(), target);
  for (const auto& [name, expr] : (*reply)->attributes()) result.insert(name, expr);
  io.emit(cl::unparse(result));
  io.finish(std::nullopt);
}

}  // namespace htcondor::ops
