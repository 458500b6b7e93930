// The file-transfer protocol (wasm/transfer) through the spool and retrieve operations, driven
// as the host drives them: the upload replayed against a real SPOOL_JOB_FILES_WITH_PERMS
// exchange (capture cmd-26), the download against a schedd's side built here, and both against
// input that is cut short or hostile.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "captures.hpp"
#include "host_steps.hpp"
#include "cedar/classad_wire.hpp"
#include "cedar/message.hpp"
#include "cedar/packet.hpp"
#include "classad/parser.hpp"
#include "ops/schedd_retrieve.hpp"
#include "ops/schedd_spool.hpp"
#include "transfer/output_remaps.hpp"
#include "transfer/sandbox_path.hpp"

using namespace htcondor;
using host_steps::adMessage;
using host_steps::framed;
using host_steps::rawSecurity;
using ops::Action;
using ops::Bytes;

namespace {

security::SessionCache sessions;

Bytes bytesOf(std::string_view text) { return Bytes(text.begin(), text.end()); }

// What the host saw of an operation: the bytes it sent on its one connection, its results,
// and how it ended.
struct Run {
  Bytes sent;
  std::vector<Action> sends;
  std::vector<Action> results;
  std::vector<std::string> reads;  // read requests, in order
  std::optional<Action> end;
};

// Runs host steps until the operation waits for the network: input requests are answered from
// `file` (the bytes at the requested offset), unless `shortInput` makes the answer one byte short.
void pump(ops::Io& io, Run& run, const Bytes& file = {}, bool shortInput = false) {
  for (bool again = true; again;) {
    again = false;
    for (Action a = io.poll(); a.kind != Action::Kind::Idle; a = io.poll()) {
      if (a.kind == Action::Kind::Send) {
        run.sent.insert(run.sent.end(), a.bytes.begin(), a.bytes.end());
        run.sends.push_back(a);
      }
      if (a.kind == Action::Kind::Result) {
        if (!a.binary && a.text.starts_with("{\"read\"")) run.reads.push_back(a.text);
        run.results.push_back(a);
      }
      if (a.kind == Action::Kind::Done || a.kind == Action::Kind::Failed) run.end = a;
      if (a.kind == Action::Kind::Input) {
        // The request just emitted names offset and length; the tests use one small file.
        const std::string& request = run.reads.back();
        const auto number = [&](const char* key) {
          return std::stoul(request.substr(request.find(key) + std::string(key).size()));
        };
        const auto offset = number("\"offset\":");
        auto length = number("\"length\":");
        if (shortInput) --length;
        io.onInput(Bytes(file.begin() + static_cast<long>(offset), file.begin() + static_cast<long>(offset + length)));
        again = true;
      }
    }
  }
}

Bytes intMessage(std::int64_t value) {
  cedar::MessageWriter m;
  m.putInt(value);
  return framed(m.bytes());
}

Bytes stringMessage(const std::string& value) {
  cedar::MessageWriter m;
  m.putString(value);
  return framed(m.bytes());
}

void append(Bytes& to, const Bytes& more) { to.insert(to.end(), more.begin(), more.end()); }

const std::string kOutput = "result line 1\nresult line 2\n";

// A schedd answering TRANSFER_DATA_WITH_PERMS for one job: out.txt (remapped by the job's
// submit-time TransferOutputRemaps), a directory, and an empty file in it.
Bytes retrieveSchedd(const std::string& firstName = "out.txt") {
  Bytes s;
  append(s, intMessage(1));
  append(s, adMessage("[ ClusterId = 7; ProcId = 0; Iwd = \"/spool/7/0\"; SUBMIT_Iwd = \"/home/u/job\";"
                      "  SUBMIT_TransferOutputRemaps = \"out.txt = results/out.txt\" ]"));
  append(s, adMessage("[ SandboxSize = 28 ]", {1}));
  append(s, intMessage(1));
  append(s, stringMessage(firstName));
  append(s, intMessage(300));  // asks us for a go-ahead
  append(s, adMessage("[ Result = 2 ]"));
  append(s, intMessage(420));
  append(s, intMessage(static_cast<std::int64_t>(kOutput.size())));
  append(s, bytesOf(kOutput));  // raw: the stream is not encrypted
  append(s, intMessage(6));
  append(s, stringMessage("sub"));
  append(s, intMessage(493));
  append(s, intMessage(1));
  append(s, stringMessage("sub/empty"));
  append(s, intMessage(384));
  append(s, intMessage(0));
  append(s, intMessage(666));
  append(s, intMessage(0));
  append(s, adMessage("[ Result = 0; TransferStats = [ CedarFilesCount = 3 ] ]"));
  return s;
}

// Spools job 5.0 with one input, in.txt (12 bytes), as in capture cmd-26.
ops::Task spoolTask(ops::Io& io) {
  ops::ScheddSpool request;
  request.address = "<127.0.0.1:9618>";
  request.jobs = {{5, 0, {{"in.txt", false, 420, 12}}}};
  return ops::scheddSpool(io, sessions, rawSecurity(), request);
}

ops::Task retrieveTask(ops::Io& io) {
  ops::ScheddRetrieve request;
  request.address = "<127.0.0.1:9618>";
  request.constraint = "ClusterId == 7";
  return ops::scheddRetrieve(io, sessions, rawSecurity(), request);
}

// Starts a retrieve, connects it and feeds the schedd's side `step` bytes at a time.
Run runRetrieve(const Bytes& schedd, std::size_t step, bool closeAtEnd) {
  ops::Io io;
  ops::Task task = retrieveTask(io);
  task.start();
  Run run;
  pump(io, run);
  io.onConnected(0);
  pump(io, run);
  for (std::size_t at = 0; at < schedd.size(); at += step) {
    io.onData(0, std::span(schedd).subspan(at, std::min(step, schedd.size() - at)));
    pump(io, run);
  }
  if (closeAtEnd) {
    io.onClosed(0);
    pump(io, run);
  }
  CHECK(task.done() == run.end.has_value());
  return run;
}

}  // namespace

TEST_CASE("transfer: spool uploads a sandbox byte for byte as HTCondor's client (capture cmd-26)") {
  const auto capture = test_captures::loadCapture("cmd-26-schedd-spool.hex");
  const auto& packets = capture.connections.at(0);
  ops::Io io;
  ops::Task task = spoolTask(io);
  task.start();
  Run run;
  const Bytes file = bytesOf("hello spool\n");
  pump(io, run, file);
  io.onConnected(0);
  pump(io, run, file);

  // The first message: the raw command, then as in the capture our version and the job count.
  REQUIRE(run.sent.size() > 5);
  const std::size_t firstSize = 5 + (std::size_t{run.sent[3]} << 8 | run.sent[4]);
  cedar::MessageReader first(std::span(run.sent).subspan(5, firstSize - 5));
  CHECK(*first.getInt64() == 488);
  CHECK(first.getString()->starts_with("$CondorVersion: 23.9.6 "));
  CHECK(*first.getInt64() == 1);
  CHECK(first.atEnd());

  // Everything after it matches the capture, and the schedd's packets are fed where it sent them.
  Bytes expected(run.sent.begin(), run.sent.begin() + static_cast<long>(firstSize));
  for (std::size_t i = 1; i < packets.size(); ++i) {
    if (packets[i].fromClient) {
      append(expected, packets[i].wire);
      continue;
    }
    CHECK(run.sent == expected);
    io.onData(0, packets[i].wire);
    pump(io, run, file);
  }
  CHECK(run.sent == expected);
  REQUIRE(run.reads.size() == 1);
  CHECK(run.reads[0] == "{\"read\":{\"job\":0,\"file\":0,\"offset\":0,\"length\":12}}");
  REQUIRE(run.end);
  CHECK(run.end->kind == Action::Kind::Done);
}

TEST_CASE("transfer: spool fails with the schedd's reason, and on input that does not match the file's size") {
  ops::Io io;
  ops::Task task = spoolTask(io);
  task.start();
  Run run;
  const Bytes file = bytesOf("hello spool\n");
  SUBCASE("the schedd refuses the job by closing") {
    pump(io, run, file);
    io.onConnected(0);
    pump(io, run, file);
    io.onClosed(0);
    pump(io, run, file);
    REQUIRE(run.end);
    CHECK(run.end->kind == Action::Kind::Failed);
    CHECK(run.end->text == "File transfer failed for target job 5.0: no go-ahead from the daemon: the daemon closed the "
                           "connection (the schedd refuses jobs that are not yours, not held for spooling, or "
                           "spooled already)");
  }
  SUBCASE("the schedd refuses the transfer in its go-ahead") {
    pump(io, run, file);
    io.onConnected(0);
    pump(io, run, file);
    const Bytes refusal = adMessage("[ Result = -1; HoldReason = \"disk full\"; HoldReasonCode = 13; HoldReasonSubCode = 28 ]");
    io.onData(0, refusal);
    pump(io, run, file);
    REQUIRE(run.end);
    CHECK(run.end->text == "File transfer failed for target job 5.0: disk full (hold code 13, subcode 28)");
  }
  SUBCASE("the caller's file is shorter than it said") {
    pump(io, run, file, true);
    io.onConnected(0);
    pump(io, run, file, true);
    Bytes goAhead = adMessage("[ Result = 2; MaxTransferBytes = -1 ]");
    append(goAhead, intMessage(300));
    io.onData(0, goAhead);
    pump(io, run, file, true);
    REQUIRE(run.end);
    CHECK(run.end->text == "File transfer failed for target job 5.0: reading in.txt gave 11 bytes at offset 0 where 12 were expected");
  }
}

TEST_CASE("transfer: retrieve downloads a sandbox, however the bytes are split") {
  const Bytes schedd = retrieveSchedd();
  for (std::size_t step : {schedd.size(), std::size_t{1}, std::size_t{7}}) {
    CAPTURE(step);
    Run run = runRetrieve(schedd, step, false);
    REQUIRE(run.end);
    CHECK(run.end->kind == Action::Kind::Done);
    // What came out: the job (its submit-time Iwd), then each entry; the file's bytes as they came.
    std::vector<std::string> texts;
    Bytes data;
    for (const auto& r : run.results) {
      if (r.binary) append(data, r.bytes);
      else texts.push_back(r.text);
    }
    REQUIRE(texts.size() == 4);
    CHECK(texts[0] == "{\"job\":{\"cluster\":7,\"proc\":0,\"iwd\":\"/home/u/job\"}}");
    CHECK(texts[1] == "{\"file\":{\"name\":\"out.txt\",\"path\":\"results/out.txt\",\"mode\":420,\"size\":28}}");
    CHECK(texts[2] == "{\"mkdir\":{\"name\":\"sub\",\"path\":\"sub\",\"mode\":493}}");
    CHECK(texts[3] == "{\"file\":{\"name\":\"sub/empty\",\"path\":\"sub/empty\",\"mode\":384,\"size\":0}}");
    CHECK(data == bytesOf(kOutput));

    // What we sent: the command and constraint, our go-ahead, our request for one, our ack, OK.
    const auto sent = host_steps::messagesSent(run.sends);
    REQUIRE(sent.size() == 5);
    cedar::MessageReader hello(sent[0]);
    CHECK(*hello.getInt64() == 489);
    CHECK(hello.getString()->starts_with("$CondorVersion: "));
    CHECK(*hello.getString() == "ClusterId == 7");
    cedar::MessageReader goAhead(sent[1]);
    auto ad = cedar::getClassAdLines(goAhead);
    CHECK(*ad == "Result = 2\nMaxTransferBytes = -1\n");
    cedar::MessageReader ask(sent[2]);
    CHECK(*ask.getInt64() == 300);
    cedar::MessageReader ack(sent[3]);
    CHECK(*cedar::getClassAdLines(ack) == "Result = 0\nTransferStats = [ CedarFilesCount = 3 ]\n");
    cedar::MessageReader ok(sent[4]);
    CHECK(*ok.getInt64() == 1);
  }
}

TEST_CASE("transfer: retrieve fails cleanly on a schedd's stream cut anywhere") {
  const Bytes schedd = retrieveSchedd();
  for (std::size_t cut = 0; cut < schedd.size(); ++cut) {
    CAPTURE(cut);
    Run run = runRetrieve(Bytes(schedd.begin(), schedd.begin() + static_cast<long>(cut)), 5, true);
    REQUIRE(run.end);
    CHECK(run.end->kind == Action::Kind::Failed);
  }
}

TEST_CASE("transfer: retrieve refuses hostile names and counts") {
  SUBCASE("a path out of the sandbox") {
    Run run = runRetrieve(retrieveSchedd("../../.bashrc"), 1000, true);
    REQUIRE(run.end);
    CHECK(run.end->text == "File transfer failed for target job 7.0: the daemon sent an illegal sandbox path: ../../.bashrc");
  }
  SUBCASE("a negative job count") {
    Run run = runRetrieve(intMessage(-3), 1000, true);
    REQUIRE(run.end);
    CHECK(run.end->text == "the schedd sent a malformed job count");
  }
}

TEST_CASE("transfer: sandbox paths and TransferOutputRemaps") {
  CHECK(transfer::legalSandboxPath("out.txt"));
  CHECK(transfer::legalSandboxPath("a/b..c/d"));
  CHECK_FALSE(transfer::legalSandboxPath(""));
  CHECK_FALSE(transfer::legalSandboxPath("/etc/passwd"));
  CHECK_FALSE(transfer::legalSandboxPath("a/../../b"));
  CHECK_FALSE(transfer::legalSandboxPath(".."));

  const char* rules = " out.txt = res/out.txt ; res = /abs/results;a\\=b = c\\;d; dir = moved";
  CHECK(*transfer::remapOutput(rules, "out.txt") == std::optional<std::string>("/abs/results/out.txt"));
  CHECK(*transfer::remapOutput(rules, "a=b") == std::optional<std::string>("c;d"));
  CHECK(*transfer::remapOutput(rules, "dir/x/y") == std::optional<std::string>("moved/x/y"));
  CHECK(*transfer::remapOutput(rules, "other") == std::nullopt);
  auto cycle = transfer::remapOutput("a = b; b = a", "a");
  REQUIRE_FALSE(cycle);
  CHECK(cycle.error().starts_with("TransferOutputRemaps has a cycle"));
}
