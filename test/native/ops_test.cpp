// The operation contract, driven as a host drives it: poll() for actions, callbacks for what
// happened. The daemon's side is played from bytes, as a capture replays.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "cedar/classad_wire.hpp"
#include "cedar/message.hpp"
#include "cedar/packet.hpp"
#include "cedar/shared_port.hpp"
#include "classad/parser.hpp"
#include "classad/unparse.hpp"
#include "ops/collector_query.hpp"
#include "host_steps.hpp"

using namespace htcondor;
using ops::Action;
using namespace host_steps;

namespace {

// The collector's reply to a query: every ad and the end marker in one message, as in capture 03.
ops::Bytes collectorReply(const std::vector<const char*>& ads) {
  cedar::MessageWriter out;
  for (const char* text : ads) {
    classad::Parser parser(text);
    auto ad = parser.parseClassAd(true);
    REQUIRE(ad);
    out.putInt(1);
    REQUIRE(cedar::putClassAd(out, *ad));
  }
  out.putInt(0);
  auto message = std::move(out).finish();
  REQUIRE(message);
  return framed(*message);
}

// A query to a plain address, started and connected as far as `connect` says: the host's
// view after its first steps. Returns the connection's id.
int startQuery(ops::Io& io, ops::Task& task, bool connect) {
  task.start();
  const int conn = drain(io).back().conn;
  if (connect) {
    io.onConnected(conn);
    drain(io);
  }
  return conn;
}

security::SessionCache sessions;

ops::CollectorQuery plainQuery() {
  ops::CollectorQuery query;
  query.address = "<127.0.0.1:9618>";
  query.deadline = 30;
  return query;
}

}  // namespace

TEST_CASE("a collector query through the shared port, replayed") {
  ops::Io io;
  ops::CollectorQuery q;
  q.address = "<127.0.0.1:9618?addrs=127.0.0.1-9618&noUDP&sock=collector>";
  q.constraint = "Cpus > 0";
  q.projection = {"Name", "Cpus"};
  ops::Task task = ops::collectorQuery(io, sessions, rawSecurity(), q);
  task.start();
  auto first = drain(io);
  REQUIRE(first.size() == 1);
  CHECK(first[0].kind == Action::Kind::Connect);
  CHECK(first[0].host == "127.0.0.1");
  CHECK(first[0].port == 9618);

  io.onConnected(first[0].conn);
  auto sent = drain(io);
  REQUIRE(sent.size() == 2);
  // First the shared-port hello naming the collector, then the query.
  cedar::PacketDecoder decoder;
  decoder.feed(sent[0].bytes);
  auto hello = decoder.next();
  REQUIRE(hello);
  REQUIRE(hello->has_value());
  auto connect = cedar::decodeSharedPortConnect(**hello);
  REQUIRE(connect);
  CHECK(connect->sharedPortId == "collector");
  decoder.feed(sent[1].bytes);
  auto query = decoder.next();
  REQUIRE(query);
  cedar::MessageReader in(**query);
  CHECK(*in.getInt64() == 5);
  auto ad = cedar::getClassAd(in);
  REQUIRE(ad);
  CHECK(classad::unparse(*(*ad)->lookup("Requirements")) == "Cpus > 0");
  CHECK(classad::unparse(*(*ad)->lookup("Projection")) == "\"Name Cpus\"");

  // The reply arrives split at an awkward place; the ads come out as they complete.
  const ops::Bytes reply = collectorReply({"[ Name = \"slot1@vm\"; Cpus = 2 ]", "[ Name = \"slot2@vm\"; Cpus = 4 ]"});
  io.onData(sent[1].conn, std::span(reply).first(7));
  CHECK(drain(io).empty());
  io.onData(sent[1].conn, std::span(reply).subspan(7));
  auto results = drain(io);
  REQUIRE(results.size() == 4);
  CHECK(results[0].kind == Action::Kind::Result);
  // Each ad as it came over the wire: its attribute lines, parsed once on the API side.
  const auto text = [](const Action& a) { return std::string(a.bytes.begin(), a.bytes.end()); };
  CHECK(results[0].binary);
  CHECK(text(results[0]) == "Cpus = 2\nName = \"slot1@vm\"\n");
  CHECK(text(results[1]) == "Cpus = 4\nName = \"slot2@vm\"\n");
  CHECK(results[2].kind == Action::Kind::Close);
  CHECK(results[3].kind == Action::Kind::Done);
  CHECK(task.done());
}

TEST_CASE("a query fails clearly when the daemon vanishes, refuses, times out or sends garbage") {
  ops::Io io;
  ops::Task task = ops::collectorQuery(io, sessions, rawSecurity(), plainQuery());
  const auto lastAction = [&] {
    auto end = drain(io);
    REQUIRE(!end.empty());
    return end.back();
  };
  SUBCASE("connection refused") {
    io.onConnectFailed(startQuery(io, task, false), "ECONNREFUSED");
    const Action end = lastAction();
    CHECK(end.kind == Action::Kind::Failed);
    CHECK(end.text == "ECONNREFUSED");
  }
  SUBCASE("closed mid-reply") {
    io.onClosed(startQuery(io, task, true));
    const Action end = lastAction();
    CHECK(end.kind == Action::Kind::Failed);
    CHECK(end.text == "the daemon closed the connection");
  }
  SUBCASE("deadline passes, after a timer that fired early") {
    startQuery(io, task, true);
    io.onTimer(29.999);
    // Too early by the host's clock: the operation asks for the timer again.
    auto again = drain(io);
    REQUIRE(again.size() == 1);
    CHECK(again[0].kind == Action::Kind::Timer);
    CHECK(again[0].at == 30);
    io.onTimer(30);
    CHECK(lastAction().text == "timed out");
  }
  SUBCASE("a packet with a bad length") {
    const uint8_t garbage[] = {1, 0xff, 0xff, 0xff, 0xff, 0};
    io.onData(startQuery(io, task, true), garbage);
    CHECK(lastAction().kind == Action::Kind::Failed);
  }
}

TEST_CASE("a query with a deadline asks the host for a timer first") {
  ops::Io io;
  ops::Task task = ops::collectorQuery(io, sessions, rawSecurity(), plainQuery());
  task.start();
  auto actions = drain(io);
  REQUIRE(actions.size() == 2);
  CHECK(actions.front().kind == Action::Kind::Timer);
  CHECK(actions.front().at == 30);
  CHECK(actions.back().kind == Action::Kind::Connect);
}
