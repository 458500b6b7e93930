// libFuzzer target: the client side of the command handshake (ops/command_connection) against
// a hostile daemon. The input is the daemon's side, as messages (2-byte length, then the
// payload, which the harness frames into CEDAR packets) or, when the first byte says so, raw
// bytes; the client must end in a session, an error value, or a wait for more, never a crash.
// It covers every parser of the handshake: the response, method choice, IDTOKENS and PASSWORD
// replies, SSL/SCITOKENS flights (TLS records), key exchange, post-auth and resume ads, and the
// first AES-GCM records, and a query's resumption without the resume response.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "cedar/packet.hpp"
#include "ops/command_connection.hpp"

using namespace htcondor;

namespace {

// Any CA: TLS flights from the input must fail verification cleanly, never crash the parser.
constexpr const char* kTestCa =
    "-----BEGIN CERTIFICATE-----\n"
    "MIIBlDCCATugAwIBAgIUcPTnekZRhqAtXX9vhM9T0ouAYS8wCgYIKoZIzj0EAwIw\n"
    "IDEeMBwGA1UEAwwVaHRjb25kb3Itd2FzbSB0ZXN0IENBMB4XDTI2MTEyMTA5NTgw\n"
    "MFoXDTM2MTExODA5NTgwMFowIDEeMBwGA1UEAwwVaHRjb25kb3Itd2FzbSB0ZXN0\n"
    "IENBMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEHeYe+a4awnsL3Kd0FpBg759a\n"
    "Bxtg2NRbhJOLn+sq3CEK3D0fuxxkevfbAXnV+7TtjrPMuPX/9l90V24ISVbKd6NT\n"
    "MFEwHQYDVR0OBBYEFKANeXzSsUO/NRqMAmAfl0NHPpEQMB8GA1UdIwQYMBaAFKAN\n"
    "eXzSsUO/NRqMAmAfl0NHPpEQMA8GA1UdEwEB/wQFMAMBAf8wCgYIKoZIzj0EAwID\n"
    "RwAwRAIgJOGYaVxVTQhP/wTDvlvLxdI1kO+ut10W8vidZbuRrqICIGV5O4LCq3MX\n"
    "FskF0rO3sRVdjEeAHxQXPAOXYLTBL9Xn\n"
    "-----END CERTIFICATE-----\n";

// A replayable request goes through sendRequest: resumed without the resume response, then the
// daemon's first answer (or its silence) decides whether the request goes again on a new session.
ops::Task run(ops::Io& io, security::SessionCache& sessions, ops::SecurityOptions security, ops::CommandRequest request) {
  auto connection = request.replayable
                        ? co_await ops::sendRequest(io, sessions, security, request,
                                                    [](ops::CommandConnection& c) { return c.send(c.writer()); })
                        : co_await ops::startCommand(io, sessions, security, request);
  io.finish(connection ? std::nullopt : std::optional<std::string>(connection.error()));
}

void drain(ops::Io& io) {
  while (io.poll().kind != ops::Action::Kind::Idle) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const uint8_t control = data[0];
  std::span<const uint8_t> rest(data + 1, size - 1);

  ops::SecurityOptions security;
  security.now = 1'800'000'000;
  security.tokens = {"eyJhbGciOiJIUzI1NiIsImtpZCI6IlBPT0wifQ.eyJpc3MiOiJ2bSIsInN1YiI6ImFAdm0iLCJqdGkiOiJqIn0.AAAA"};
  security.poolPassword = "pool";
  security.claimToBeName = "a@vm";
  security.sslCaPem = std::string(kTestCa);
  security.scitoken = std::string("header.payload.signature");
  security.policy.authMethods = {security::AuthMethod::Token, security::AuthMethod::Password,
                                 security::AuthMethod::Ssl, security::AuthMethod::SciTokens,
                                 security::AuthMethod::ClaimToBe, security::AuthMethod::Anonymous};
  if (control & 0x01) security.policy.levels.encryption = security::SecLevel::Required;
  security::SessionCache sessions;
  if (control & 0x02) {  // a cached session: the client starts with a resume ad
    security::CachedSession s;
    s.id = "vm:1:2:3";
    s.connectSinful = "<127.0.0.1:9618?sock=collector>";
    s.validCommands = {5};
    sessions.insert(s, 60, ops::sessionTag(security), security.now);
  }
  auto request = ops::CommandRequest::to("<127.0.0.1:9618?sock=collector>", 5);
  request->replayable = (control & 0x04) != 0;

  ops::Io io;
  ops::Task task = run(io, sessions, security, *request);
  task.start();
  drain(io);
  io.onConnected(0);
  drain(io);

  if (control & 0x80) {
    io.onData(0, rest);
    drain(io);
  } else {
    cedar::PacketEncoder encoder;
    while (rest.size() >= 2 && !task.done()) {
      const size_t length = std::min<size_t>((size_t{rest[0]} << 8) | rest[1], rest.size() - 2);
      auto wire = encoder.encode(rest.subspan(2, length));
      rest = rest.subspan(2 + length);
      if (!wire) continue;
      io.onData(0, *wire);
      drain(io);
    }
  }
  io.onClosed(0);
  drain(io);
  // A resumption that failed reconnects: that connection closes too.
  io.onClosed(1);
  drain(io);
  return 0;
}
