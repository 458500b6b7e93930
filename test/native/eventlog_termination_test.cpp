// The termination family of job events (CHECKPOINTED, JOB_EVICTED, JOB_TERMINATED,
// JOB_ABORTED, NODE_TERMINATED, POST_SCRIPT_TERMINATED) in cases the corpus has none of:
// signals and core files, requeues, the 25.x reader, usage tables with fractions and an
// Assigned column, and bodies that do not parse.
#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

#include "classad/eval.hpp"
#include "classad/unparse.hpp"
#include "eventlog/log_reader.hpp"
#include "eventlog_read.hpp"

namespace {

using htcondor::classad::ClassAd;
using htcondor::classad::Value;
using namespace htcondor::eventlog;

// The one event of `text`, which must read without errors.
std::unique_ptr<Event> readOne(const std::string& text, int major = 23) {
  LogRead read = readLog(text, {major, 9});
  REQUIRE(read.errors == 0);
  REQUIRE(read.events.size() == 1);
  return std::move(read.events[0]);
}

Value field(const ClassAd& ad, const char* name) { return htcondor::classad::evaluateAttr(ad, name).value_or(Value::undefined()); }
std::string text(const Value& v) { return htcondor::classad::unparse(v); }

// `text` with the first `from` replaced by `to` (which must be there).
std::string replaced(std::string text, const std::string& from, const std::string& to) {
  size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

// The event's text without its "..." line.
std::string body(const std::string& event) { return event.substr(0, event.size() - 4); }

const char* const kSignalled =
    "005 (012.000.000) 2026-11-21 06:20:24 Job terminated.\n"
    "\t(0) Abnormal termination (signal 11)\n"
    "\t(1) Corefile in: /var/lib/condor/execute/dir_1/core.123\n"
    "\t\tUsr 1 02:03:04, Sys 0 00:00:05  -  Run Remote Usage\n"
    "\t\tUsr 0 00:00:00, Sys 0 00:00:00  -  Run Local Usage\n"
    "\t\tUsr 1 02:03:04, Sys 0 00:00:05  -  Total Remote Usage\n"
    "\t\tUsr 0 00:00:00, Sys 0 00:00:00  -  Total Local Usage\n"
    "\t1234  -  Run Bytes Sent By Job\n"
    "\t5678  -  Run Bytes Received By Job\n"
    "\t1234  -  Total Bytes Sent By Job\n"
    "\t5678  -  Total Bytes Received By Job\n"
    "\n"
    "\tJob terminated of its own accord at 2026-11-21T06:20:24Z with signal 11.\n"
    "...\n";

}  // namespace

TEST_CASE("JOB_TERMINATED by a signal, with a core file, reads and prints back as HTCondor 23.9.6 does") {
  auto event = readOne(kSignalled);
  CHECK(event->format() == body(kSignalled));
  auto ad = event->toAd();
  CHECK(text(field(*ad, "TerminatedNormally")) == "false");
  CHECK(text(field(*ad, "TerminatedBySignal")) == "11");
  CHECK(!ad->lookup("ReturnValue"));
  CHECK(field(*ad, "CoreFile").asString() == "/var/lib/condor/execute/dir_1/core.123");
  CHECK(field(*ad, "RunRemoteUsage").asString() == "Usr 1 02:03:04, Sys 0 00:00:05");
  CHECK(field(*ad, "TotalLocalUsage").asString() == "Usr 0 00:00:00, Sys 0 00:00:00");
  CHECK(field(*ad, "SentBytes").isReal());
  CHECK(field(*ad, "TotalReceivedBytes").asReal() == 5678.0);
  CHECK(!ad->lookup("Cpus"));  // no usage table
  const Value toeValue = field(*ad, "ToE");
  REQUIRE(toeValue.isClassAd());
  const ClassAd& toe = *toeValue.asClassAd();
  CHECK(text(field(toe, "ExitBySignal")) == "true");
  CHECK(text(field(toe, "ExitSignal")) == "11");
  CHECK(!toe.lookup("ExitCode"));
  CHECK(text(field(toe, "When")) == "1795242024");
  CHECK(field(toe, "Who").asString() == "itself");
  CHECK(text(field(toe, "HowCode")) == "0");
}

TEST_CASE("the 25.x reader keeps no ToE and prints none, and reads past a line 23.9.6 rejects") {
  auto event = readOne(kSignalled, 25);
  CHECK(!event->toAd()->lookup("ToE"));
  std::string expected = body(kSignalled);
  expected.erase(expected.find("\n\tJob terminated of its own accord"));
  CHECK(event->format() == expected);

  // A line that is no ToE where the ToE would be: 23.9.6 fails the event, 25 takes it.
  const std::string odd = replaced(kSignalled, "\tJob terminated of its own accord at 2026-11-21T06:20:24Z with signal 11.", "\tSomething else.");
  CHECK(readLog(odd).errors == 1);
  CHECK(readLog(odd, {25, 0}).events.size() == 1);

  // JOB_ABORTED's ToE likewise.
  const std::string aborted =
      "009 (270.000.000) 2026-11-21 06:21:15 Job was aborted.\n"
      "\tcorpus: cleanup (by user corpus)\n"
      "\n"
      "\tJob terminated by itself at 2026-11-21T06:21:14Z (using method 0: OF_ITS_OWN_ACCORD).\n"
      "...\n";
  CHECK(readOne(aborted)->toAd()->lookup("ToE"));
  auto late = readOne(aborted, 25);
  CHECK(!late->toAd()->lookup("ToE"));
  CHECK(late->format() == "009 (270.000.000) 2026-11-21 06:21:15 Job was aborted.\n\tcorpus: cleanup (by user corpus)\n");

  // From a JSON log too.
  const std::string json =
      R"({"EventTypeNumber": 9, "MyType": "JobAbortedEvent", "Cluster": 3, "Proc": 0, "Subproc": 0,)"
      R"( "EventTime": "2026-11-21T06:21:15.544", "Reason": "gone",)"
      R"( "ToE": {"Who": "itself", "How": "OF_ITS_OWN_ACCORD", "HowCode": 0, "When": 1795242074, "ExitBySignal": false, "ExitCode": 3}})"
      "\n";
  auto fromJson = readOne(json);
  CHECK(fromJson->format() ==
        "009 (003.000.000) 2026-11-21 06:21:15 Job was aborted.\n\tgone\n\n"
        "\tJob terminated by itself at 2026-11-21T06:21:14Z (using method 0: OF_ITS_OWN_ACCORD).\n");
  const auto jsonAd = fromJson->toAd();
  const Value jsonToe = field(*jsonAd, "ToE");
  REQUIRE(jsonToe.isClassAd());
  CHECK(text(field(*jsonToe.asClassAd(), "ExitCode")) == "3");
  CHECK(!readOne(json, 25)->toAd()->lookup("ToE"));
}

TEST_CASE("a JOB_TERMINATED ToE line 'Job terminated by' takes HTCondor's epoch-digits detour") {
  // Tag::readFromString keeps the time as epoch digits, which ToE::encode then reads as an
  // ISO 8601 date: 1795242074 becomes 1795-(24)-20 (74):..., i.e. 1796-12-23 01:58:59. The
  // same value as the corpus's JOB_ABORTED of on_exit_hold.text.
  const std::string log = replaced(kSignalled, "\tJob terminated of its own accord at 2026-11-21T06:20:24Z with signal 11.",
                                  "\tJob terminated by startd at 2026-11-21T06:21:14Z (using method 1: DEACTIVATE_CLAIM).");
  auto event = readOne(log);
  const auto ad = event->toAd();
  const Value toeValue = field(*ad, "ToE");
  REQUIRE(toeValue.isClassAd());
  const ClassAd& toe = *toeValue.asClassAd();
  CHECK(text(field(toe, "When")) == "-5460040861");
  CHECK(text(field(toe, "HowCode")) == "1");
  CHECK(field(toe, "How").asString() == "DEACTIVATE_CLAIM");
  CHECK(!toe.lookup("ExitBySignal"));  // only for a job that ended of its own accord
  const std::string out = event->format();
  CHECK(out.substr(out.find("\n\n\t")) == "\n\n\tJob terminated by startd at 1796-12-23T01:58:59Z (using method 1: DEACTIVATE_CLAIM).\n");

  // Text after ")." fails the tag, and with it the event.
  CHECK(readLog(replaced(log, "DEACTIVATE_CLAIM).", "DEACTIVATE_CLAIM). and more")).errors == 1);
}

TEST_CASE("JOB_EVICTED: a requeue after a signal with a core file, and the 25.x reason and codes") {
  const std::string requeued =
      "004 (007.000.000) 2026-11-21 06:21:30 Job was evicted.\n"
      "\t(0) Job terminated and was requeued\n"
      "\t\tUsr 0 00:00:01, Sys 0 00:00:00  -  Run Remote Usage\n"
      "\t\tUsr 0 00:00:00, Sys 0 00:00:00  -  Run Local Usage\n"
      "\t10  -  Run Bytes Sent By Job\n"
      "\t20  -  Run Bytes Received By Job\n"
      "\t(0) Abnormal termination (signal 6)\n"
      "\t(1) Corefile in: core.42\n"
      "\tThe job attribute OnExitRemove expression 'false' evaluated to FALSE\n"
      "...\n";
  auto event = readOne(requeued);
  CHECK(event->format() == body(requeued));
  auto ad = event->toAd();
  CHECK(text(field(*ad, "TerminatedAndRequeued")) == "true");
  CHECK(text(field(*ad, "TerminatedNormally")) == "false");
  CHECK(text(field(*ad, "Checkpointed")) == "false");
  CHECK(text(field(*ad, "TerminatedBySignal")) == "6");
  CHECK(field(*ad, "CoreFile").asString() == "core.42");
  CHECK(field(*ad, "Reason").asString() == "The job attribute OnExitRemove expression 'false' evaluated to FALSE");
  CHECK(field(*ad, "RunRemoteUsage").asString() == "Usr 0 00:00:01, Sys 0 00:00:00");
  // 25 prints a requeue's reason as 23 does.
  CHECK(readOne(requeued, 25)->format() == body(requeued));

  const std::string plain =
      "004 (301.000.000) 2026-11-21 06:23:14 Job was evicted. Code 6 Subcode 2\n"
      "\t(0) CPU times\n"
      "\t\tUsr 0 00:00:00, Sys 0 00:00:00  -  Run Remote Usage\n"
      "\t\tUsr 0 00:00:00, Sys 0 00:00:00  -  Run Local Usage\n"
      "\t0  -  Run Bytes Sent By Job\n"
      "\t0  -  Run Bytes Received By Job\n"
      "\tError from slot1_1@vm: Failed to execute\n"
      "...\n";
  auto early = readOne(plain);
  CHECK(!early->toAd()->lookup("Reason"));
  CHECK(!early->toAd()->lookup("ReasonCode"));
  CHECK(early->format().find("Error from") == std::string::npos);
  auto late = readOne(plain, 25);
  auto lateAd = late->toAd();
  CHECK(field(*lateAd, "Reason").asString() == "Error from slot1_1@vm: Failed to execute");
  CHECK(text(field(*lateAd, "ReasonCode")) == "6");
  CHECK(text(field(*lateAd, "ReasonSubCode")) == "2");
  const std::string expected = replaced(body(plain), "\tError", "\tReason: Error");
  CHECK(late->format() == expected);
  // A "Reason: " line reads back without its label; a usage table is no reason.
  CHECK(readOne(late->format() + "...\n", 25)->format() == expected);
  const std::string table = replaced(plain, "\tError from slot1_1@vm: Failed to execute", "\tPartitionable Resources :    Usage  Request Allocated ");
  CHECK(!readOne(table, 25)->toAd()->lookup("Reason"));
}

TEST_CASE("CHECKPOINTED and NODE_TERMINATED read and print back") {
  const std::string checkpointed =
      "003 (003.000.000) 2026-11-21 06:00:00 Job was checkpointed.\n"
      "\tUsr 0 00:01:00, Sys 0 00:00:02  -  Run Remote Usage\n"
      "\tUsr 0 00:00:00, Sys 0 00:00:00  -  Run Local Usage\n"
      "\t4096  -  Run Bytes Sent By Job For Checkpoint\n"
      "...\n";
  auto event = readOne(checkpointed);
  CHECK(event->format() == body(checkpointed));
  auto ad = event->toAd();
  CHECK(field(*ad, "MyType").asString() == "CheckpointedEvent");
  CHECK(field(*ad, "RunRemoteUsage").asString() == "Usr 0 00:01:00, Sys 0 00:00:02");
  CHECK(field(*ad, "SentBytes").asReal() == 4096.0);
  // A bytes line that does not scan: 23.9.6 ignores it, 25 fails the event.
  const std::string garbled = replaced(checkpointed, "\t4096", "\tmany");
  CHECK(readLog(garbled).events.size() == 1);
  CHECK(readLog(garbled, {25, 0}).errors == 1);

  const std::string node =
      "015 (020.000.000) 2026-11-21 06:00:00 Node 3 terminated.\n"
      "\t(1) Normal termination (return value 2)\n"
      "\t\tUsr 0 00:00:00, Sys 0 00:00:00  -  Run Remote Usage\n"
      "\t\tUsr 0 00:00:00, Sys 0 00:00:00  -  Run Local Usage\n"
      "\t\tUsr 0 00:00:00, Sys 0 00:00:00  -  Total Remote Usage\n"
      "\t\tUsr 0 00:00:00, Sys 0 00:00:00  -  Total Local Usage\n"
      "\t7  -  Run Bytes Sent By Node\n"
      "\t0  -  Run Bytes Received By Node\n"
      "\t7  -  Total Bytes Sent By Node\n"
      "\t0  -  Total Bytes Received By Node\n"
      "...\n";
  auto nodeEvent = readOne(node);
  CHECK(nodeEvent->format() == body(node));
  auto nodeAd = nodeEvent->toAd();
  CHECK(text(field(*nodeAd, "Node")) == "3");
  CHECK(text(field(*nodeAd, "ReturnValue")) == "2");
  CHECK(text(field(*nodeAd, "TerminatedBySignal")) == "-1");  // always there for a node
  CHECK(field(*nodeAd, "SentBytes").asReal() == 7.0);
  // Byte lines of another kind ("By Job") are passed over.
  const std::string byJob = replaced(node, "\t7  -  Run Bytes Sent By Node", "\t9  -  Run Bytes Sent By Job");
  CHECK(field(*readOne(byJob)->toAd(), "SentBytes").asReal() == 0.0);
}

TEST_CASE("the Partitionable Resources table: fractions, an Assigned column, and reading it back") {
  const std::string json =
      R"({"EventTypeNumber": 5, "MyType": "JobTerminatedEvent", "Cluster": 1, "Proc": 0, "Subproc": 0,)"
      R"( "EventTime": "2026-11-21T06:20:14.657", "TerminatedNormally": true, "ReturnValue": 0,)"
      R"( "CpusUsage": 0.25, "RequestCpus": 1, "Cpus": 1, "RequestGPUs": 1, "GPUs": 1, "AssignedGPUs": "GPU-1a2b",)"
      R"( "GPUsUsage": 0.5, "RequestMemory": 16, "Memory": 128, "MemoryUsage": 5, "DiskUsage": 150})"
      "\n";
  auto event = readOne(json);
  auto ad = event->toAd();
  // Only resources with both Request<Res> and <Res> are taken.
  CHECK(!ad->lookup("DiskUsage"));
  CHECK(field(*ad, "AssignedGPUs").asString() == "GPU-1a2b");
  const std::string table =
      "\tPartitionable Resources :    Usage  Request Allocated Assigned\n"
      "\t   Cpus                 :     0.25        1         1 \n"
      "\t   GPUs                 :     0.50        1         1 \"GPU-1a2b\"\n"
      "\t   Memory (MB)          :     5          16       128 \n";
  const std::string out = event->format();
  REQUIRE(out.find("\tPartitionable") != std::string::npos);
  CHECK(out.substr(out.find("\tPartitionable")) == table);

  // The text reads back to the same attributes (whole numbers as integers) and prints the same.
  auto back = readOne(out + "...\n");
  CHECK(back->format() == out);
  auto backAd = back->toAd();
  CHECK(field(*backAd, "CpusUsage").asReal() == 0.25);
  CHECK(text(field(*backAd, "MemoryUsage")) == "5");
  CHECK(field(*backAd, "AssignedGPUs").asString() == "GPU-1a2b");
  CHECK(!backAd->lookup("AssignedCpus"));  // a blank cell sets nothing
}

TEST_CASE("POST_SCRIPT_TERMINATED, and bodies that do not parse") {
  const std::string post =
      "016 (005.000.000) 2026-11-21 06:00:00 POST Script terminated.\n"
      "\t(0) Abnormal termination (signal 9)\n"
      "    DAG Node: B\n"
      "...\n";
  auto event = readOne(post);
  CHECK(event->format() == body(post));
  auto ad = event->toAd();
  CHECK(text(field(*ad, "TerminatedNormally")) == "false");
  CHECK(text(field(*ad, "TerminatedBySignal")) == "9");
  CHECK(!ad->lookup("ReturnValue"));
  CHECK(field(*ad, "DAGNodeName").asString() == "B");

  // Only "(1)" is a normal ending for a POST script; "(2) Normal termination" fails to scan as
  // an abnormal one. For JOB_TERMINATED any number but 0 is normal.
  CHECK(readLog(replaced(post, "(0) Abnormal termination (signal 9)", "(2) Normal termination (return value 0)")).errors == 1);
  auto normal = readOne(replaced(kSignalled, "(0) Abnormal termination (signal 11)\n\t(1) Corefile in: /var/lib/condor/execute/dir_1/core.123",
                                 "(2) Normal termination (return value 4)"));
  CHECK(text(field(*normal->toAd(), "ReturnValue")) == "4");

  // A body that does not parse is an error, and reading goes on with the next event.
  LogRead read = readLog(
      "005 (001.000.000) 2026-11-21 06:00:00 Job terminated.\n\t(1) It ended\n...\n"
      "009 (001.000.000) 2026-11-21 06:00:01 Job was aborted.\n...\n"
      "004 (001.000.000) 2026-11-21 06:00:02 Job was evicted.\n\tnot a count\n...\n");
  CHECK(read.errors == 2);
  REQUIRE(read.events.size() == 1);
  CHECK(read.events[0]->number() == 9);
  CHECK(!read.events[0]->toAd()->lookup("Reason"));
  CHECK(read.events[0]->format() == "009 (001.000.000) 2026-11-21 06:00:01 Job was aborted.\n");
}
