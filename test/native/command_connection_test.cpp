// The command connection's handshake flow (ops/command_connection.hpp) driven as a host drives
// it, with the daemon's side played from hand-made messages: what the client sends at each
// step, and the error it gives for each way a handshake can fail, naming the cause.
#include <doctest/doctest.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cedar/classad_wire.hpp"
#include "cedar/message.hpp"
#include "cedar/packet.hpp"
#include "classad/parser.hpp"
#include "ops/command_connection.hpp"
#include "host_steps.hpp"
#include "security/auth_info.hpp"
#include "security/auth_methods.hpp"
#include "test_tokens.hpp"

using namespace htcondor;
using ops::Action;
using namespace host_steps;

namespace {

constexpr std::int64_t kNow = 1'800'000'000;

// Runs startCommand to its end; records the error or the session.
ops::Task run(ops::Io& io, security::SessionCache& sessions, ops::SecurityOptions security, ops::CommandRequest request,
              std::optional<std::string>& error, std::optional<ops::SessionInfo>& session) {
  auto connection = co_await ops::startCommand(io, sessions, security, request);
  if (!connection) {
    error = connection.error();
  } else {
    session = (*connection)->session();
  }
  io.finish(error);
}

ops::Bytes intMessage(std::int64_t value) {
  auto wire = cedar::PacketEncoder().encode(security::encodeIntMessage(value));
  REQUIRE(wire);
  return *wire;
}

// The auth-info or resume ad a DC_AUTHENTICATE message carries.
std::shared_ptr<classad::ClassAd> authenticateAd(const ops::Bytes& message) {
  cedar::MessageReader in(message);
  REQUIRE(*in.getInt64() == security::kDcAuthenticate);
  auto ad = cedar::getClassAd(in);
  REQUIRE(ad);
  return *ad;
}

std::string stringAttr(const classad::ClassAd& ad, const char* name) {
  auto expr = ad.lookup(name);
  REQUIRE(expr);
  auto* literal = dynamic_cast<const classad::Literal*>(expr.get());
  REQUIRE(literal);
  return literal->value().asString();
}

// A client started against a plain address, connected, its first message sent.
struct Client {
  ops::Io io;
  security::SessionCache sessions;
  ops::SecurityOptions security;
  std::optional<std::string> error;
  std::optional<ops::SessionInfo> session;
  std::optional<ops::Task> task;
  int conn = 0;

  Client() {
    security.now = kNow;
    security.policy.authMethods = {security::AuthMethod::Token};
    security.tokens = {test_tokens::makeToken(R"({"alg":"HS256","kid":"POOL"})",
                                              R"({"iss":"vm","sub":"alice@vm","jti":"j1"})")};
  }
  std::vector<Action> start(std::int64_t command = 5) {
    auto request = ops::CommandRequest::to("<127.0.0.1:9618>", command);
    REQUIRE(request);
    task.emplace(run(io, sessions, security, *request, error, session));
    task->start();
    conn = drain(io).back().conn;
    io.onConnected(conn);
    return drain(io);
  }
  std::vector<Action> reply(const ops::Bytes& bytes) {
    io.onData(conn, bytes);
    return drain(io);
  }
};

// A session the client holds for command 5 at the test address.
void cacheSession(Client& c) {
  security::CachedSession s;
  s.id = "vm:1:2:3";
  s.connectSinful = "<127.0.0.1:9618>";
  s.validCommands = {5};
  s.authMethod = "TOKEN";
  c.sessions.insert(s, 60, ops::sessionTag(c.security), kNow - 10);
}

// After the daemon showed it lost the session: it is forgotten, the connection closed, and a
// new one opened that asks for a new session.
void expectNewSession(Client& c, const std::vector<Action>& again) {
  CHECK(c.sessions.size() == 0);
  REQUIRE(again.size() == 2);
  CHECK(again[0].kind == Action::Kind::Close);
  CHECK(again[1].kind == Action::Kind::Connect);
  c.conn = again[1].conn;
  c.io.onConnected(c.conn);
  auto fresh = messagesSent(drain(c.io));
  REQUIRE(fresh.size() == 1);
  CHECK(stringAttr(*authenticateAd(fresh[0]), "NewSession") == "YES");
}

const char* kResponseTokenOnly =
    "[ Enact = \"YES\"; Authentication = \"YES\"; AuthRequired = true; AuthMethodsList = \"TOKEN\"; "
    "AuthMethods = \"TOKEN\"; Encryption = \"YES\"; Integrity = \"YES\"; CryptoMethods = \"AES\"; "
    "ECDHPublicKey = \"BN1KOkxv2zu+JjUh+Xb2aRJmvDRl1XzfFnwK1vPU9sATPIbq2A5Zvrs7xkGHeVWhkbFmXNmVMrGM0qxbsDsXa5c=\"; "
    "TrustDomain = \"vm\"; IssuerKeys = \"POOL\"; SessionDuration = \"60\"; SessionLease = 3600; "
    "RemoteVersion = \"$CondorVersion: 23.9.6 2026-07-12 PackageID: x $\" ]";

}  // namespace

TEST_CASE("the first message names the command, offers every method name and sends an ECDH key") {
  Client c;
  auto messages = messagesSent(c.start());
  REQUIRE(messages.size() == 1);
  auto ad = authenticateAd(messages[0]);
  CHECK(stringAttr(*ad, "NewSession") == "YES");
  CHECK(stringAttr(*ad, "Enact") == "NO");
  CHECK(stringAttr(*ad, "AuthMethods").starts_with("TOKEN,"));
  CHECK(stringAttr(*ad, "AuthMethods").find("KERBEROS") != std::string::npos);
  CHECK(stringAttr(*ad, "ECDHPublicKey").size() == 88);
  CHECK(stringAttr(*ad, "AuthenticationNew") == "PREFERRED");
}

TEST_CASE("without any credential the client asks for OPTIONAL authentication only") {
  Client c;
  c.security.tokens.clear();
  auto ad = authenticateAd(messagesSent(c.start())[0]);
  CHECK(stringAttr(*ad, "AuthenticationNew") == "OPTIONAL");
}

TEST_CASE("a daemon that closes instead of answering: the policy is named") {
  Client c;
  c.security.policy.levels.encryption = security::SecLevel::Required;
  c.start();
  c.io.onClosed(c.conn);
  drain(c.io);
  REQUIRE(c.error);
  CHECK(c.error->find("closed the connection instead of answering the security negotiation for command 5") !=
        std::string::npos);
  CHECK(c.error->find("encryption REQUIRED") != std::string::npos);
}

TEST_CASE("no common method: both sides' methods are named, and nothing is offered") {
  Client c;
  c.start();
  auto actions = c.reply(adMessage(
      "[ Enact = \"YES\"; Authentication = \"YES\"; AuthRequired = true; AuthMethodsList = \"FS,KERBEROS\"; "
      "AuthMethods = \"FS\"; Encryption = \"YES\"; Integrity = \"YES\"; CryptoMethods = \"AES\"; "
      "RemoteVersion = \"$CondorVersion: 23.9.6 2026-07-12 PackageID: x $\" ]"));
  CHECK(messagesSent(actions).empty());
  REQUIRE(c.error);
  CHECK(*c.error == "authentication failed: this client can use TOKEN; the daemon accepts FS,KERBEROS");
}

TEST_CASE("an expired token, or one signed with a key the daemon lacks, is not offered: the reason is named") {
  Client c;
  SUBCASE("expired") {
    c.security.tokens = {test_tokens::makeToken(R"({"alg":"HS256","kid":"POOL"})",
                                                R"({"iss":"vm","sub":"alice@vm","exp":1700000000})")};
    c.start();
    c.reply(adMessage(kResponseTokenOnly));
    REQUIRE(c.error);
    CHECK(c.error->find("IDTOKENS: token for alice@vm expired at 1700000000") != std::string::npos);
  }
  SUBCASE("unknown key id") {
    c.security.tokens = {test_tokens::makeToken(R"({"alg":"HS256","kid":"OTHER"})", R"({"iss":"vm","sub":"alice@vm"})")};
    c.start();
    c.reply(adMessage(kResponseTokenOnly));
    REQUIRE(c.error);
    CHECK(c.error->find("token key id \"OTHER\" is not among the server's signing keys (POOL)") != std::string::npos);
  }
  SUBCASE("wrong trust domain") {
    c.security.tokens = {test_tokens::makeToken(R"({"alg":"HS256","kid":"POOL"})", R"({"iss":"elsewhere","sub":"a"})")};
    c.start();
    c.reply(adMessage(kResponseTokenOnly));
    REQUIRE(c.error);
    CHECK(c.error->find("token issuer \"elsewhere\" is not the server's trust domain \"vm\"") != std::string::npos);
  }
}

TEST_CASE("a token the daemon rejects: the client says so, tries the next token, then fails naming both") {
  Client c;
  c.security.tokens.push_back(
      test_tokens::makeToken(R"({"alg":"HS256","kid":"POOL"})", R"({"iss":"vm","sub":"bob@vm","jti":"j2"})"));
  c.start();
  const auto rejected = [] {
    cedar::MessageWriter out;
    out.putInt(-1).putInt(0).putInt(0).putInt(0).putInt(0);  // status -1, every field empty
    auto m = std::move(out).finish();
    REQUIRE(m);
    auto wire = cedar::PacketEncoder().encode(*m);
    REQUIRE(wire);
    return *wire;
  };
  for (int attempt = 0; attempt < 2; ++attempt) {
    auto sent = messagesSent(attempt == 0 ? c.reply(adMessage(kResponseTokenOnly)) : c.reply(rejected()));
    // The offer (TOKEN's bit), after a failure preceded by the failure message 3.
    REQUIRE(!sent.empty());
    auto offer = security::decodeIntMessage(sent.back(), "offer");
    REQUIRE(offer);
    CHECK(*offer == static_cast<std::int64_t>(security::AuthMethod::Token));
    auto first = messagesSent(c.reply(intMessage(static_cast<std::int64_t>(security::AuthMethod::Token))));
    REQUIRE(first.size() == 1);  // IDTOKENS message 1 for this attempt's token
  }
  c.reply(rejected());
  REQUIRE(c.error);
  CHECK(c.error->find("token j1 for alice@vm") != std::string::npos);
  CHECK(c.error->find("token j2 for bob@vm") != std::string::npos);
  CHECK(c.error->find("the daemon accepts TOKEN") != std::string::npos);
}

TEST_CASE("a cached session is resumed; a daemon that lost it gets a new session on a new connection") {
  Client c;
  cacheSession(c);
  auto messages = messagesSent(c.start());
  REQUIRE(messages.size() == 1);
  auto resume = authenticateAd(messages[0]);
  CHECK(stringAttr(*resume, "UseSession") == "YES");
  CHECK(stringAttr(*resume, "Sid") == "vm:1:2:3");

  expectNewSession(c, c.reply(adMessage("[ ReturnCode = \"SID_NOT_FOUND\" ]")));
}

TEST_CASE("a replayable request resumes without the resume response; a daemon that closes unanswered gets it again on a new session") {
  for (const bool answers : {true, false}) {
    CAPTURE(answers);
    Client c;
    cacheSession(c);
    auto request = ops::CommandRequest::to("<127.0.0.1:9618>", 5);
    REQUIRE(request);
    request->replayable = true;
    std::optional<ops::Error> error;
    bool returned = false;
    auto task = [](ops::Io& io, security::SessionCache& sessions, const ops::SecurityOptions& security,
                   ops::CommandRequest r, std::optional<ops::Error>& error, bool& returned) -> ops::Task {
      auto connection = co_await ops::sendRequest(io, sessions, security, std::move(r), [](ops::CommandConnection& conn) {
        auto query = conn.writer();
        query.putInt(7);
        return conn.send(std::move(query));
      });
      returned = true;
      if (!connection) error = connection.error();
      io.finish(error);
    }(c.io, c.sessions, c.security, *request, error, returned);
    task.start();
    c.conn = drain(c.io).back().conn;
    c.io.onConnected(c.conn);
    // The resume ad and the (encrypted) request leave together: no round trip between them.
    auto sent = messagesSent(drain(c.io));
    REQUIRE(sent.size() == 2);
    auto resume = authenticateAd(sent[0]);
    auto* resumeResponse = dynamic_cast<const classad::Literal*>(resume->lookup("ResumeResponse").get());
    REQUIRE(resumeResponse);
    CHECK(resumeResponse->value().isBoolean());
    CHECK_FALSE(resumeResponse->value().asBoolean());
    CHECK_FALSE(returned);

    if (answers) {
      const ops::Bytes firstByte{0};
      c.io.onData(c.conn, firstByte);  // the first byte of an answer confirms the session
      drain(c.io);
      CHECK(returned);
      CHECK_FALSE(error);
      CHECK(c.sessions.size() == 1);
      continue;
    }
    c.io.onClosed(c.conn);
    auto again = drain(c.io);
    CHECK_FALSE(returned);
    expectNewSession(c, again);
  }
}

TEST_CASE("the SciToken and the CA file are looked for only by a handshake that authenticates, once each") {
  int looks = 0;
  const auto found = [&looks] {
    ++looks;
    return std::optional<std::string>("found");
  };
  const auto lazily = [&](Client& c) {
    c.security.policy.authMethods = {security::AuthMethod::Token, security::AuthMethod::SciTokens};
    c.security.scitoken = security::LazySecret::found(found);
    c.security.sslCaPem = security::LazySecret::found(found);
  };
  Client resumed;
  lazily(resumed);
  cacheSession(resumed);
  REQUIRE(messagesSent(resumed.start()).size() == 1);
  CHECK(looks == 0);

  Client fresh;
  lazily(fresh);
  fresh.start();
  CHECK(looks == 0);  // a token is enough to ask for authentication
  auto offer = messagesSent(fresh.reply(adMessage(kResponseTokenOnly)));
  REQUIRE(offer.size() == 1);
  CHECK(looks == 2);
}

TEST_CASE("sessions are kept apart by tag and by credentials") {
  ops::SecurityOptions a;
  a.tokens = {"x.y.z"};
  ops::SecurityOptions b = a;
  CHECK(ops::sessionTag(a) == ops::sessionTag(b));
  b.tokens = {"x.y.w"};
  CHECK(ops::sessionTag(a) != ops::sessionTag(b));
  b = a;
  b.tag = "other";
  CHECK(ops::sessionTag(a) != ops::sessionTag(b));
}
