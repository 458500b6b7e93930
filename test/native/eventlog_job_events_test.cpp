// The job events the corpus has no (or few) examples of, read from classic text and from ads,
// with the str() and ad fields HTCondor 23.9.6's condor_event.cpp gives them.
#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

#include "classad/unparse.hpp"
#include "eventlog/log_reader.hpp"
#include "eventlog_read.hpp"
#include "eventlog/scan_line.hpp"

namespace {

using htcondor::classad::ClassAd;
using namespace htcondor::eventlog;

constexpr const char* kTime = "2026-11-21 06:20:09 ";

// One classic event of job 12.0: its header and `body`, then the "..." line.
std::string event(int number, const std::string& body) {
  char head[32];
  std::snprintf(head, sizeof head, "%03d (012.000.000) ", number);
  return head + std::string(kTime) + body + "...\n";
}

// The one event of a log; its str() without the header.
std::unique_ptr<Event> only(const std::string& log, ReaderVersion version = {}) {
  LogRead read = readLog(log, version);
  REQUIRE(read.errors == 0);
  REQUIRE(read.events.size() == 1);
  return std::move(read.events[0]);
}

std::string body(const Event& e) {
  std::string text = e.format();
  return text.substr(text.find(kTime) + std::string(kTime).size());
}

// An ad attribute as ClassAd text, "<none>" when missing.
std::string field(const Event& e, const char* name) {
  auto ad = e.toAd();
  REQUIRE(ad);
  auto expr = ad->lookup(name);
  return expr ? htcondor::classad::unparse(*expr) : "<none>";
}

size_t fieldCount(const Event& e) { return e.toAd()->size(); }

// A JSON log of one event of job 12.0 with the given attributes besides the header's.
std::string jsonEvent(int number, const std::string& attrs) {
  return "{\n  \"EventTypeNumber\": " + std::to_string(number) +
         ",\n  \"EventTime\": \"2026-11-21T06:20:09\",\n  \"Cluster\": 12,\n  \"Proc\": 0,\n  \"Subproc\": 0" +
         (attrs.empty() ? "" : ",\n  " + attrs) + "\n}\n";
}

}  // namespace

TEST_CASE("scanLine follows sscanf: white space, counts, EOF") {
  int a = 0, b = 0;
  CHECK(scanLine("\tCode 13 Subcode 2", "\tCode %d Subcode %d", {&a, &b}) == 2);
  CHECK((a == 13 && b == 2));
  // Format white space matches none; a conversion skips it first.
  CHECK(scanLine("Code7Subcode   -3", "Code %d Subcode %d", {&a, &b}) == 2);
  CHECK((a == 7 && b == -3));
  CHECK(scanLine("Code x", "Code %d", {&a}) == 0);
  CHECK(scanLine("", "Code %d", {&a}) == -1);
  CHECK(scanLine("Code ", "Code %d", {&a}) == -1);
  std::string x, y, z;
  CHECK(scanLine("Setting job attribute A to 1", "Changing job attribute %s from %s to %s", {&x, &y, &z}) == 0);
  CHECK(scanLine("Changing job attribute A from 1", "Changing job attribute %s from %s to %s", {&x, &y, &z}) == 2);
  CHECK((x == "A" && y == "1" && z.empty()));
  CHECK(scanLine("abcdef", "%3s", {&x}) == 1);
  CHECK(x == "abc");
  double d = 0;
  CHECK(scanLine("\t1234  -  Run Bytes Sent By Job", "\t%lf  -  Run Bytes Sent By Job", {&d}) == 1);
  CHECK(d == 1234.0);
}

TEST_CASE("EXECUTABLE_ERROR: the type in parentheses, its text from the type") {
  auto e = only(event(2, "(0) Job file not executable.\n"));
  CHECK(body(*e) == "(0) Job file not executable.\n");
  CHECK(field(*e, "ExecuteErrorType") == "0");
  CHECK(field(*e, "MyType") == "\"ExecutableErrorEvent\"");
  e = only(event(2, "(1) anything\n"));
  CHECK(body(*e) == "(1) Job not properly linked for Condor.\n");
  e = only(event(2, "(7) anything\n"));
  CHECK(body(*e) == "(7) [Bad error number.]\n");
  CHECK(field(*e, "ExecuteErrorType") == "7");
  CHECK(readLog(event(2, "(x) Job file not executable.\n")).errors == 1);
  CHECK(readLog(event(2, "(0 Job file not executable.\n")).errors == 1);
  // From an ad only the two known types are taken.
  e = only(jsonEvent(2, "\"ExecuteErrorType\": 5"));
  CHECK(body(*e) == "(-1) [Bad error number.]\n");
  CHECK(field(*e, "ExecuteErrorType") == "<none>");
}

TEST_CASE("SHADOW_EXCEPTION: message and byte counts, older forms too") {
  auto e = only(event(7,
                      "Shadow exception!\n\tError from slot1@vm: disk full\n\t1234  -  Run Bytes Sent By Job\n"
                      "\t5678  -  Run Bytes Received By Job\n"));
  CHECK(body(*e) ==
        "Shadow exception!\n\tError from slot1@vm: disk full\n\t1234  -  Run Bytes Sent By Job\n"
        "\t5678  -  Run Bytes Received By Job\n");
  CHECK(field(*e, "Message") == "\"Error from slot1@vm: disk full\"");
  CHECK(field(*e, "SentBytes") == "1.234000000000000E+03");
  CHECK(field(*e, "ReceivedBytes") == "5.678000000000000E+03");
  CHECK(field(*e, "MyType") == "\"ShadowExceptionEvent\"");
  e = only(event(7, "Shadow exception!\n"));
  CHECK(body(*e) == "Shadow exception!\n\t\n\t0  -  Run Bytes Sent By Job\n\t0  -  Run Bytes Received By Job\n");
  CHECK(field(*e, "Message") == "\"\"");
  e = only(jsonEvent(7, "\"Message\": \"lost\", \"SentBytes\": 10.6"));
  CHECK(body(*e) == "Shadow exception!\n\tlost\n\t11  -  Run Bytes Sent By Job\n\t0  -  Run Bytes Received By Job\n");
}

TEST_CASE("GENERIC: the one line, 1023 characters at most") {
  auto e = only(event(8, "hello there\n"));
  CHECK(body(*e) == "hello there\n");
  CHECK(field(*e, "Info") == "\"hello there\"");
  // The header line is read into 1024 bytes: a longer text is cut there (its rest is skipped),
  // so the 1024-byte limit of the text itself is never reached from a classic log.
  e = only(event(8, std::string(1100, 'x') + "\n"));
  CHECK(body(*e) == std::string(1023 - 38, 'x') + "\n");
  e = only(jsonEvent(8, "\"Info\": \"" + std::string(1100, 'y') + "\""));
  CHECK(body(*e) == std::string(1023, 'y') + "\n");
  e = only(jsonEvent(8, ""));
  CHECK(body(*e) == "\n");
  CHECK(field(*e, "Info") == "<none>");
}

TEST_CASE("JOB_SUSPENDED needs its count line") {
  auto e = only(event(10, "Job was suspended.\n\tNumber of processes actually suspended: 3\n"));
  CHECK(field(*e, "NumberOfPIDs") == "3");
  CHECK(readLog(event(10, "Job was suspended.\n")).errors == 1);
  e = only(jsonEvent(10, ""));
  CHECK(body(*e) == "Job was suspended.\n\tNumber of processes actually suspended: -1\n");
}

TEST_CASE("JOB_HELD and JOB_RELEASED: reasons and codes, from text and from ads") {
  auto e = only(event(12, "Job was held.\n"));
  CHECK(body(*e) == "Job was held.\n\tReason unspecified\n\tCode 0 Subcode 0\n");
  CHECK(field(*e, "HoldReason") == "<none>");
  CHECK(field(*e, "HoldReasonCode") == "0");
  CHECK(field(*e, "HoldReasonSubCode") == "0");
  e = only(event(12, "Job was held.\n\t  via condor_hold  \n\tCode 1 Subcode 4\n"));
  CHECK(body(*e) == "Job was held.\n\tvia condor_hold\n\tCode 1 Subcode 4\n");
  e = only(jsonEvent(12, "\"HoldReason\": \"line one\\nline two\", \"HoldReasonCode\": 26, \"HoldReasonSubCode\": 3"));
  CHECK(body(*e) == "Job was held.\n\tline one\nline two\n\tCode 26 Subcode 3\n");
  CHECK(field(*e, "HoldReason") == "\"line one\\nline two\"");
  CHECK(field(*e, "HoldReasonCode") == "26");
  CHECK(field(*e, "MyType") == "\"JobHeldEvent\"");
  CHECK(fieldCount(*e) == 9);

  e = only(event(13, "Job was released.\n"));
  CHECK(body(*e) == "Job was released.\n");
  CHECK(field(*e, "Reason") == "<none>");
  CHECK(field(*e, "MyType") == "\"JobReleaseEvent\"");
}

TEST_CASE("REMOTE_ERROR: warnings, several lines, no code") {
  auto e = only(event(21, "Warning from starter on slot1@vm:\n\tfirst\n\tsecond\n"));
  CHECK(body(*e) == "Message from starter on slot1@vm:\n\tfirst\n\tsecond\n");
  CHECK(field(*e, "CriticalError") == "0");
  CHECK(field(*e, "ErrorMsg") == "\"first\\nsecond\"");
  CHECK(field(*e, "Daemon") == "\"starter\"");
  CHECK(field(*e, "ExecuteHost") == "\"slot1@vm\"");
  CHECK(field(*e, "HoldReasonCode") == "<none>");
  // Without " from " the event does not parse.
  CHECK(readLog(event(21, "Error on slot1@vm:\n")).errors == 1);
  // Without " on " the daemon is empty and the rest is the host.
  e = only(event(21, "Error from slot1@vm:\n\tCode 3 Subcode 1\n"));
  CHECK(body(*e) == "Error from  on slot1@vm:\n\tCode 3 Subcode 1\n");
  CHECK(field(*e, "Daemon") == "<none>");
  CHECK(field(*e, "HoldReasonSubCode") == "1");
}

TEST_CASE("JOB_DISCONNECTED, JOB_RECONNECTED, JOB_RECONNECT_FAILED") {
  auto e = only(event(22,
                      "Job disconnected, attempting to reconnect\n    Socket between submit and execute hosts closed unexpectedly\n"
                      "    Trying to reconnect to slot1@vm <127.0.0.1:9618?sock=startd>\n"));
  CHECK(body(*e) ==
        "Job disconnected, attempting to reconnect\n    Socket between submit and execute hosts closed unexpectedly\n"
        "    Trying to reconnect to slot1@vm <127.0.0.1:9618?sock=startd>\n");
  CHECK(field(*e, "StartdName") == "\"slot1@vm\"");
  CHECK(field(*e, "StartdAddr") == "\"<127.0.0.1:9618?sock=startd>\"");
  CHECK(field(*e, "DisconnectReason") == "\"Socket between submit and execute hosts closed unexpectedly\"");
  CHECK(field(*e, "EventDescription") == "\"Job disconnected, attempting to reconnect\"");
  CHECK(readLog(event(22, "Job disconnected, attempting to reconnect\n   short indent\n    Trying to reconnect to a b\n")).errors == 1);
  // An ad without the startd's name: formatBody and toClassAd refuse it.
  e = only(jsonEvent(22, "\"DisconnectReason\": \"gone\", \"StartdAddr\": \"<a>\""));
  CHECK(e->format() == "JobEvent(type=22, cluster=12, proc=0, timestamp=1795242009)");
  CHECK_FALSE(e->toAd());

  e = only(event(23, "Job reconnected to slot1@vm\n    startd address: <1.2.3.4:1>\n    starter address: <1.2.3.4:2>\n"));
  CHECK(body(*e) == "Job reconnected to slot1@vm\n    startd address: <1.2.3.4:1>\n    starter address: <1.2.3.4:2>\n");
  CHECK(field(*e, "StarterAddr") == "\"<1.2.3.4:2>\"");
  CHECK(field(*e, "EventDescription") == "\"Job reconnected\"");
  CHECK(readLog(event(23, "Job reconnected to slot1@vm\n    startd address: <1.2.3.4:1>\n")).errors == 1);

  e = only(event(24, "Job reconnection failed\n    Job lease expired\n    Can not reconnect to slot1@vm, rescheduling job\n"));
  CHECK(body(*e) == "Job reconnection failed\n    Job lease expired\n    Can not reconnect to slot1@vm, rescheduling job\n");
  CHECK(field(*e, "Reason") == "\"Job lease expired\"");
  CHECK(field(*e, "StartdName") == "\"slot1@vm\"");
  CHECK(field(*e, "EventDescription") == "\"Job reconnect impossible: rescheduling job\"");
}

TEST_CASE("JOB_AD_INFORMATION: the job's attributes, sorted with case, private ones not printed") {
  auto e = only(event(28, "Job ad information event triggered.\napple = 1\nBanana = 2 + apple\nClaimId = \"secret\"\nCluster = 99\n"));
  CHECK(body(*e) == "Job ad information event triggered.\nBanana = 2 + apple\nCluster = 99\napple = 1\n");
  CHECK(field(*e, "Banana") == "2 + apple");
  CHECK(field(*e, "ClaimId") == "\"secret\"");
  // The event's own attributes win.
  CHECK(field(*e, "Cluster") == "12");
  CHECK(field(*e, "MyType") == "\"JobAdInformationEvent\"");
  CHECK(readLog(event(28, "Job ad information event triggered.\n")).errors == 1);
  CHECK(readLog(event(28, "Job ad information event triggered.\nnot an attribute\n")).errors == 1);
}

TEST_CASE("ATTRIBUTE_UPDATE: the Changing form reads, the Setting form reads empty") {
  auto e = only(event(33, "Changing job attribute Progress from 10 to 20\n"));
  CHECK(body(*e) == "Changing job attribute Progress from 10 to 20\n");
  CHECK(field(*e, "Attribute") == "\"Progress\"");
  CHECK(field(*e, "Value") == "\"20\"");
  CHECK(fieldCount(*e) == 8);
  e = only(event(33, "Setting job attribute Progress to 20\n"));
  CHECK(body(*e) == "Setting job attribute  to \n");
  CHECK(field(*e, "Attribute") == "\"\"");
  CHECK(readLog(event(33, "\n")).errors == 1);
  e = only(jsonEvent(33, ""));
  CHECK(body(*e) == "Setting job attribute (null) to (null)\n");
  CHECK(field(*e, "Attribute") == "<none>");
}

TEST_CASE("SUBMIT of a DAG node: StructuredNotes from 25") {
  const std::string log = event(0, "Job submitted from host: <127.0.0.1:9618>\n    DAG Node: A\n");
  auto e = only(log);
  CHECK(body(*e) == "Job submitted from host: <127.0.0.1:9618>\n    DAG Node: A\n");
  CHECK(field(*e, "LogNotes") == "\"DAG Node: A\"");
  CHECK(field(*e, "StructuredNotes") == "<none>");
  e = only(log, {25, 14});
  CHECK(body(*e) == "Job submitted from host: <127.0.0.1:9618>\n    [ DAGNodeName = \"A\" ]\n");
  CHECK(field(*e, "LogNotes") == "\"DAG Node: A\"");
  CHECK(field(*e, "StructuredNotes") == "[ DAGNodeName = \"A\" ]");
  // 25.x sorts the lines by their look.
  e = only(event(0, "Job submitted from host: <h>\n    [ DAGNodeName = \"B\" ]\n    WARNING: w\n    user\n"), {25, 0});
  CHECK(body(*e) ==
        "Job submitted from host: <h>\n    [ DAGNodeName = \"B\" ]\n    WARNING: Committed job submission into the "
        "queue with the following warning(s): WARNING: w\n");
  CHECK(field(*e, "UserNotes") == "<none>");
  e = only(jsonEvent(0, "\"SubmitHost\": \"<h>\", \"LogNotes\": \"DAG Node: C\", \"StructuredNotes\": {\"DAGNodeName\": \"C\"}"), {25, 0});
  CHECK(body(*e) == "Job submitted from host: <h>\n    [ DAGNodeName = \"C\" ]\n");
  e = only(jsonEvent(0, "\"SubmitHost\": \"<h>\", \"LogNotes\": \"DAG Node: C\", \"StructuredNotes\": {\"DAGNodeName\": \"C\"}"));
  CHECK(body(*e) == "Job submitted from host: <h>\n    DAG Node: C\n");
  CHECK(field(*e, "StructuredNotes") == "<none>");
}
