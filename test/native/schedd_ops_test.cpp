// The schedd's operations driven as a host drives them, the schedd's side played from bytes:
// the queue-call batch layout, the QMGMT conversation (submit, refusals, a schedd that vanishes),
// the job query's ad stream and ACT_ON_JOBS.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "cedar/classad_wire.hpp"
#include "cedar/message.hpp"
#include "cedar/packet.hpp"
#include "classad/parser.hpp"
#include "ops/ad_stream.hpp"
#include "ops/qmgmt.hpp"
#include "ops/schedd_act.hpp"
#include "protocol/qmgmt_calls.hpp"
#include "host_steps.hpp"

using namespace htcondor;
using ops::Action;
using protocol::QmgmtCall;
using namespace host_steps;

namespace {

security::SessionCache sessions;

ops::Bytes framed(cedar::MessageWriter&& out) {
  auto message = std::move(out).finish();
  REQUIRE(message);
  return host_steps::framed(*message);
}

ops::Bytes ints(std::initializer_list<int64_t> values) {
  cedar::MessageWriter out;
  for (auto v : values) out.putInt(v);
  return framed(std::move(out));
}

std::vector<uint8_t> batch(std::initializer_list<QmgmtCall> calls) {
  protocol::QmgmtCallWriter w;
  for (const auto& c : calls) w.add(c);
  return w.take();
}

QmgmtCall call(QmgmtCall::Kind kind, int64_t proc = 0, std::string name = "", std::string value = "") {
  QmgmtCall c;
  c.kind = kind;
  c.proc = proc;
  c.name = std::move(name);
  c.value = std::move(value);
  return c;
}

// A QMGMT conversation up to its first wait for input; returns the connection.
// Starts `task` and reports its one connection up; the connection.
int connectTask(ops::Io& io, ops::Task& task) {
  task.start();
  const int conn = drain(io).back().conn;
  io.onConnected(conn);
  return conn;
}

int openQueue(ops::Io& io, ops::Task& task) {
  const int conn = connectTask(io, task);
  auto first = drain(io);
  REQUIRE(first.size() == 2);
  CHECK(first[0].kind == Action::Kind::Result);
  CHECK(first[0].text == "ready");
  CHECK(first[1].kind == Action::Kind::Input);
  return conn;
}

}  // namespace

TEST_CASE("queue calls survive their byte layout, and cut or unknown bytes are refused") {
  QmgmtCall set = call(QmgmtCall::Kind::SetAttribute, -1, "Args", "\"a\tb\"");
  set.cluster = 12;
  set.flags = 4;
  QmgmtCall rows = call(QmgmtCall::Kind::SendMaterializeData);
  rows.text = std::string("a\x1f" "b\n", 4) + std::string(1, '\0');
  auto bytes = batch({call(QmgmtCall::Kind::NewCluster), set, rows});
  auto calls = protocol::readQmgmtCalls(bytes);
  REQUIRE(calls);
  REQUIRE(calls->size() == 3);
  CHECK((*calls)[1].cluster == 12);
  CHECK((*calls)[1].proc == -1);
  CHECK((*calls)[1].flags == 4);
  CHECK((*calls)[1].value == "\"a\tb\"");
  CHECK((*calls)[2].text == rows.text);
  for (std::size_t cut = 1; cut < bytes.size(); cut += 7) {
    auto partial = protocol::readQmgmtCalls(std::span(bytes).first(cut));
    if (partial) CHECK(partial->size() < 3);
  }
  bytes[0] = 99;
  CHECK(!protocol::readQmgmtCalls(bytes));
}

TEST_CASE("a submit over QMGMT: NewCluster, NewProc, attributes without replies, one commit, CloseSocket") {
  ops::Io io;
  ops::Task task = ops::qmgmt(io, sessions, rawSecurity(), {"<127.0.0.1:9618>", true, 0});
  const int conn = openQueue(io, task);

  io.onInput(batch({call(QmgmtCall::Kind::NewCluster)}));
  auto sent = messagesSent(drain(io));
  REQUIRE(sent.size() == 1);
  cedar::MessageReader first(sent[0]);
  CHECK(*first.getInt64() == 1112);  // raw: the command leads the first message
  CHECK(*first.getInt64() == 10002);
  io.onData(conn, ints({9}));
  auto answered = drain(io);
  REQUIRE(answered.size() == 2);
  CHECK(answered[0].text == "cluster 9");
  CHECK(answered[1].kind == Action::Kind::Input);

  QmgmtCall proc0 = call(QmgmtCall::Kind::NewProc, 0);
  io.onInput(batch({proc0, call(QmgmtCall::Kind::SetAttribute, -1, "ClusterId", "9"), call(QmgmtCall::Kind::SetAttribute, 0, "ProcId", "0"),
                    call(QmgmtCall::Kind::Commit)}));
  // NewProc goes without waiting, the attributes (no answers) right after it; the commit
  // waits for the proc's answer.
  sent = messagesSent(drain(io));
  REQUIRE(sent.size() == 3);
  cedar::MessageReader newProc(sent[0]);
  CHECK(*newProc.getInt64() == 10003);
  CHECK(*newProc.getInt64() == 9);
  cedar::MessageReader setCluster(sent[1]);
  CHECK(*setCluster.getInt64() == 10027);
  CHECK(*setCluster.getInt64() == 9);
  CHECK(*setCluster.getInt64() == -1);
  CHECK(*setCluster.getString() == "9");  // the value before the name
  CHECK(*setCluster.getString() == "ClusterId");
  CHECK(*setCluster.getChar() == 0x02);   // NoAck
  io.onData(conn, ints({0}));
  auto afterProc = drain(io);
  CHECK(afterProc[0].text == "proc 0");
  sent = messagesSent(afterProc);
  REQUIRE(sent.size() == 1);
  cedar::MessageReader commit(sent[0]);
  CHECK(*commit.getInt64() == 10007);
  io.onData(conn, adMessage("[]", {0}));
  auto done = drain(io);
  REQUIRE(done.size() == 2);
  CHECK(done[0].text.rfind("commit ", 0) == 0);
  CHECK(done[1].kind == Action::Kind::Input);

  io.onInput({});
  auto closing = drain(io);
  auto last = messagesSent(closing);
  REQUIRE(last.size() == 1);
  CHECK(*cedar::MessageReader(last[0]).getInt64() == 10028);
  CHECK(closing.back().kind == Action::Kind::Done);
}

TEST_CASE("a refused commit names the schedd's reason; a schedd that vanishes mid-call fails the conversation") {
  {
    ops::Io io;
    ops::Task task = ops::qmgmt(io, sessions, rawSecurity(), {"<127.0.0.1:9618>", true, 0});
    const int conn = openQueue(io, task);
    io.onInput(batch({call(QmgmtCall::Kind::Commit)}));
    drain(io);
    io.onData(conn, adMessage("[ ErrorCode = 2; ErrorReason = \"Attempt to edit immutable attribute ClusterId in job 1.0\" ]", {-1, -13}));
    auto end = drain(io);
    REQUIRE(end.back().kind == Action::Kind::Failed);
    CHECK(end.back().text.find("immutable attribute ClusterId") != std::string::npos);
  }
  {
    ops::Io io;
    ops::Task task = ops::qmgmt(io, sessions, rawSecurity(), {"<127.0.0.1:9618>", true, 0});
    const int conn = openQueue(io, task);
    io.onInput(batch({call(QmgmtCall::Kind::NewCluster)}));
    drain(io);
    io.onData(conn, std::vector<uint8_t>{1, 0, 0});  // half a header, then gone
    io.onClosed(conn);
    auto end = drain(io);
    REQUIRE(end.back().kind == Action::Kind::Failed);
    CHECK(task.done());
  }
  // A refused NewCluster: the schedd's errno named by the schedd's numbering (not this
  // build's), a NEWJOB_ERR_* code in condor_submit's words, a nonsense errno (found by
  // fuzzing) as a number.
  struct Refusal {
    int64_t rval, err;
    const char* message;
  };
  const Refusal refusals[] = {
      {-1, -13, "creating a cluster failed: Permission denied (EACCES)"},
      {-3, 22, "creating a cluster failed: Number of submitted jobs would exceed MAX_JOBS_PER_OWNER"},
      {-1, INT64_MIN, "creating a cluster failed: errno -9223372036854775808"},
  };
  for (const auto& [rval, err, message] : refusals) {
    ops::Io io;
    ops::Task task = ops::qmgmt(io, sessions, rawSecurity(), {"<127.0.0.1:9618>", true, 0});
    const int conn = openQueue(io, task);
    io.onInput(batch({call(QmgmtCall::Kind::NewCluster)}));
    drain(io);
    io.onData(conn, ints({rval, err}));
    auto end = drain(io);
    REQUIRE(end.back().kind == Action::Kind::Failed);
    CHECK(end.back().text == message);
  }
  {
    ops::Io io;
    ops::Task task = ops::qmgmt(io, sessions, rawSecurity(), {"<127.0.0.1:9618>", true, 0});
    const int conn = openQueue(io, task);
    io.onInput(batch({call(QmgmtCall::Kind::NewProc, 3)}));
    drain(io);
    io.onData(conn, ints({4}));  // not the proc the caller made the ad for
    auto end = drain(io);
    REQUIRE(end.back().kind == Action::Kind::Failed);
    CHECK(end.back().text.find("numbered the new job 4") != std::string::npos);
  }
}

TEST_CASE("the job query's ad stream: ads in any message layout up to the end ad; a stream cut short fails") {
  CHECK(ops::isEndAd("Owner = 0\nErrorCode = 0\n"));
  CHECK(ops::isEndAd("ErrorCode = 0\nowner= 0 \n"));
  CHECK(!ops::isEndAd("Owner = \"alice\"\n"));
  CHECK(!ops::isEndAd("OwnerX = 0\n"));

  ops::Io io;
  ops::Task task = ops::adStream(io, sessions, rawSecurity(), {"<127.0.0.1:9618>", 516, "[ Requirements = true ]", 0});
  const int conn = connectTask(io, task);
  drain(io);
  // Two ads in one message (as history sends them), then the end ad in its own.
  cedar::MessageWriter two;
  for (const char* text : {"[ ProcId = 0; Owner = \"u\" ]", "[ ProcId = 1; Owner = \"u\" ]"}) {
    classad::Parser parser(text);
    auto ad = parser.parseClassAd(true);
    REQUIRE(cedar::putClassAd(two, *ad));
  }
  io.onData(conn, framed(std::move(two)));
  io.onData(conn, adMessage("[ Owner = 0; ErrorCode = 0; Jobs = 2 ]"));
  auto out = drain(io);
  std::vector<std::string> results;
  for (const auto& a : out)
    if (a.kind == Action::Kind::Result) results.emplace_back(a.bytes.begin(), a.bytes.end());
  REQUIRE(results.size() == 3);
  CHECK(results[0].find("ProcId = 0") != std::string::npos);
  CHECK(ops::isEndAd(results[2]));
  CHECK(out.back().kind == Action::Kind::Done);

  // One message in two packets, split inside its second ad (as a history answer arrives):
  // the first ad is handed out before the last packet, the rest after it.
  ops::Io split;
  ops::Task splitTask = ops::adStream(split, sessions, rawSecurity(), {"<127.0.0.1:9618>", 515, "[ Requirements = true ]", 0});
  const int c3 = connectTask(split, splitTask);
  drain(split);
  cedar::MessageWriter whole;
  for (const char* text : {"[ ProcId = 0; Owner = \"u\" ]", "[ ProcId = 1; Owner = \"u\" ]", "[ Owner = 0; NumJobMatches = 2 ]"}) {
    classad::Parser parser(text);
    REQUIRE(cedar::putClassAd(whole, *parser.parseClassAd(true)));
  }
  const ops::Bytes payload = whole.bytes();
  const size_t half = payload.size() / 2;
  auto packet = [&](uint8_t endFlag, size_t from, size_t to) {
    ops::Bytes p;
    const auto header = cedar::packetHeader(endFlag, static_cast<uint32_t>(to - from));
    p.insert(p.end(), header.begin(), header.end());
    p.insert(p.end(), payload.begin() + static_cast<std::ptrdiff_t>(from), payload.begin() + static_cast<std::ptrdiff_t>(to));
    return p;
  };
  auto resultsOf = [](const std::vector<Action>& actions) {
    std::vector<std::string> texts;
    for (const auto& a : actions)
      if (a.kind == Action::Kind::Result) texts.emplace_back(a.bytes.begin(), a.bytes.end());
    return texts;
  };
  split.onData(c3, packet(0, 0, half));
  const auto early = resultsOf(drain(split));
  REQUIRE(early.size() == 1);
  CHECK(early[0].find("ProcId = 0") != std::string::npos);
  split.onData(c3, packet(1, half, payload.size()));
  auto rest = drain(split);
  const auto late = resultsOf(rest);
  REQUIRE(late.size() == 2);
  CHECK(late[0].find("ProcId = 1") != std::string::npos);
  CHECK(ops::isEndAd(late[1]));
  CHECK(rest.back().kind == Action::Kind::Done);

  ops::Io cut;
  ops::Task cutTask = ops::adStream(cut, sessions, rawSecurity(), {"<127.0.0.1:9618>", 516, "[ Requirements = true ]", 0});
  const int c2 = connectTask(cut, cutTask);
  drain(cut);
  cut.onData(c2, adMessage("[ ProcId = 0 ]"));
  cut.onClosed(c2);
  auto end = drain(cut);
  REQUIRE(end.back().kind == Action::Kind::Failed);
  CHECK(end.back().text.find("ended the answer early") != std::string::npos);
}

TEST_CASE("ACT_ON_JOBS: 'still here' only when the schedd acted, then its commit confirmation") {
  ops::Io io;
  ops::Task task = ops::scheddAct(io, sessions, rawSecurity(), {"<127.0.0.1:9618>", "[ JobAction = 1; ActionIds = \"1.0\" ]", 0});
  const int conn = connectTask(io, task);
  drain(io);
  io.onData(conn, adMessage("[ ActionResult = 1; result_total_1 = 1; TotalJobAds = 3 ]"));
  auto still = messagesSent(drain(io));
  REQUIRE(still.size() == 1);
  CHECK(*cedar::MessageReader(still[0]).getInt64() == 1);
  io.onData(conn, ints({1}));
  auto out = drain(io);
  CHECK(out[0].text.find("result_total_1 = 1") != std::string::npos);
  CHECK(out.back().kind == Action::Kind::Done);

  ops::Io refused;
  ops::Task refusedTask = ops::scheddAct(refused, sessions, rawSecurity(), {"<127.0.0.1:9618>", "[ JobAction = 99 ]", 0});
  refusedTask.start();
  const int c2 = drain(refused).back().conn;
  refused.onConnected(c2);
  drain(refused);
  refused.onData(c2, ints({0}));
  auto end = drain(refused);
  REQUIRE(end.back().kind == Action::Kind::Failed);
  CHECK(end.back().text.find("refused the action") != std::string::npos);
}

TEST_CASE("ACT_ON_JOBS with a result per job: all or nothing, and the totals summed") {
  auto act = [](const char* result) {
    ops::Io io;
    ops::Task task = ops::scheddAct(io, sessions, rawSecurity(), {"<127.0.0.1:9618>", "[ JobAction = 3; ActionIds = \"1.0,2.0\" ]", 0});
    const int conn = connectTask(io, task);
    drain(io);
    io.onData(conn, adMessage(result));
    auto out = drain(io);
    auto answered = messagesSent(out);
    if (out.back().kind != Action::Kind::Failed) {
      io.onData(conn, ints({1}));
      auto more = drain(io);
      out.insert(out.end(), more.begin(), more.end());
    }
    return std::pair{answered.empty() ? -1 : *cedar::MessageReader(answered[0]).getInt64(), out};
  };

  // One job another user's: we answer 0, so the schedd aborts, and name the job.
  auto [bail, refused] = act("[ ActionResultType = 1; JobAction = 3; ActionResult = 1; job_1_0 = 1; job_2_0 = 5 ]");
  CHECK(bail == 0);
  REQUIRE(refused.back().kind == Action::Kind::Failed);
  CHECK(refused.back().text == "Permission denied to remove job 2.0; nothing was changed");

  // None acted on, nothing to answer.
  auto [none, denied] = act("[ ActionResultType = 1; JobAction = 1; ActionResult = 0; job_2_0 = 5; cluster_3 = 5 ]");
  CHECK(none == -1);
  CHECK(denied.back().text == "Permission denied to hold jobs 2.0, 3; nothing was changed");

  // Found and not found: committed, with the totals as AR_TOTALS would give them.
  auto [ok, done] = act("[ ActionResultType = 1; JobAction = 3; ActionResult = 1; job_1_0 = 1; job_2_0 = 2; job_2_1 = 1 ]");
  CHECK(ok == 1);
  REQUIRE(done.back().kind == Action::Kind::Done);
  auto ad = std::find_if(done.begin(), done.end(), [](const Action& a) { return a.kind == Action::Kind::Result; });
  REQUIRE(ad != done.end());
  for (const char* total : {"result_total_0 = 0", "result_total_1 = 2", "result_total_2 = 1", "result_total_5 = 0"}) {
    CHECK(ad->text.find(total) != std::string::npos);
  }

  // Totals for a constraint: refused only when it matched nothing but others' jobs.
  auto [_, constrained] = act("[ JobAction = 2; ActionResult = 0; result_total_1 = 0; result_total_5 = 2 ]");
  CHECK(constrained.back().text == "Permission denied to release any of the 2 jobs the constraint matches; nothing was changed");
}
