// Grid, DAG/cluster and file events the corpus has no (or few) examples of: their classic text,
// str() and fields as HTCondor 23.9.6's condor_event.cpp reads, prints and converts them.
#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>
#include <string>

#include "classad/unparse.hpp"
#include "eventlog/log_reader.hpp"

using namespace htcondor::eventlog;
using htcondor::classad::unparse;

namespace {

using Status = ReadOutcome::Status;

ReadOutcome readOne(const std::string& text) {
  setenv("TZ", "UTC", 1);
  tzset();
  EventLogReader reader(ReadContext{});
  reader.append(text);
  return reader.next();
}

std::unique_ptr<Event> fromText(const std::string& text) {
  ReadOutcome out = readOne(text);
  REQUIRE(out.status == Status::Event);
  return std::move(out.event);
}

// An event of an XML log: the header attributes of event `number` of job 12.0 and `attrs`.
std::unique_ptr<Event> fromXml(int number, const std::string& attrs) {
  return fromText("<c><a n=\"EventTypeNumber\"><i>" + std::to_string(number) +
                  "</i></a><a n=\"Cluster\"><i>12</i></a><a n=\"Proc\"><i>0</i></a><a n=\"Subproc\"><i>0</i></a>"
                  "<a n=\"EventTime\"><s>2026-11-21T06:23:48</s></a>" +
                  attrs + "</c>\n");
}

std::string field(const Event& event, const char* name) {
  auto ad = event.toAd();
  auto e = ad->lookup(name);
  return e ? unparse(*e) : "<none>";
}

// The attributes of the ad beyond EventTypeNumber, MyType, EventTime, Cluster, Proc, Subproc.
size_t ownFields(const Event& event) { return event.toAd()->size() - 6; }

const std::string kHeader = " (012.000.000) 2026-11-21 06:23:48 ";

}  // namespace

TEST_CASE("node execute events (14)") {
  const std::string body = "Node 3 executing on host: <127.0.0.1:9618>\n\tSlotName: slot1@vm\n\tCpus = 2\n";
  auto event = fromText("014" + kHeader + body + "...\n");
  CHECK(event->format() == "014" + kHeader + body);
  CHECK(field(*event, "MyType") == "\"NodeExecuteEvent\"");
  CHECK(field(*event, "Node") == "3");
  CHECK(field(*event, "ExecuteHost") == "\"<127.0.0.1:9618>\"");
  CHECK(field(*event, "SlotName") == "\"slot1@vm\"");
  CHECK(field(*event, "ExecuteProps") == "[ Cpus = 2 ]");
  // Older logs: the host line alone; the node is always in the ad.
  auto old = fromText("014" + kHeader + "Node 0 executing on host: h\n...\n");
  CHECK(old->format() == "014" + kHeader + "Node 0 executing on host: h\n");
  CHECK(ownFields(*old) == 2);
  CHECK(readOne("014" + kHeader + "Job executing on host: h\n...\n").status == Status::Error);
  auto xml = fromXml(14, "");
  CHECK(xml->format() == "014" + kHeader + "Node -1 executing on host: \n");
  CHECK(field(*xml, "Node") == "-1");
}

TEST_CASE("an event time with many fraction digits reads (its fraction dropped, as HTCondor)") {
  auto event = fromText("<c><a n=\"EventTypeNumber\"><i>29</i></a>"
                        "<a n=\"EventTime\"><s>2026-11-21T06:23:48.12345678901234567890123</s></a></c>");
  CHECK(event->clock == 1795242228);
  CHECK(event->usec == 0);
}

TEST_CASE("a real where an integer is looked up converts as on x86-64, NaN included") {
  auto event = fromText("<c><a n=\"EventTypeNumber\"><i>36</i></a><a n=\"Cluster\"><r>NaN</r></a>"
                        "<a n=\"NextProcId\"><r>2.9</r></a><a n=\"NextRow\"><r>1e300</r></a></c>");
  CHECK(event->cluster == 0);  // (int)(long long)NaN: the low half of INT64_MIN
  CHECK(field(*event, "NextProcId") == "2");
  CHECK(field(*event, "NextRow") == "0");
}

TEST_CASE("grid resource and grid submit events (25, 26, 27)") {
  const std::string up = "Grid Resource Back Up\n    GridResource: condor schedd.example 127.0.0.1:9618\n";
  auto event = fromText("025" + kHeader + up + "...\n");
  CHECK(event->format() == "025" + kHeader + up);
  CHECK(field(*event, "MyType") == "\"GridResourceUpEvent\"");
  CHECK(field(*event, "GridResource") == "\"condor schedd.example 127.0.0.1:9618\"");
  CHECK(readOne("025" + kHeader + "Grid Resource Back Up\n...\n").status == Status::Error);
  // Without a resource, str() says UNKNOWN and the ad has none.
  auto down = fromXml(26, "");
  CHECK(down->format() == "026" + kHeader + "Detected Down Grid Resource\n    GridResource: UNKNOWN\n");
  CHECK(ownFields(*down) == 0);
  auto submit = fromXml(27, "<a n=\"GridResource\"><s>batch slurm</s></a>");
  CHECK(submit->format() == "027" + kHeader + "Job submitted to grid resource\n    GridResource: batch slurm\n    GridJobId: UNKNOWN\n");
  CHECK(field(*submit, "GridJobId") == "<none>");
}

TEST_CASE("remote status and staging events (29-32) are banners with FutureEvent ads") {
  const char* banners[] = {"The job's remote status is unknown", "The job's remote status is known again",
                           "Job is performing stage-in of input files", "Job is performing stage-out of output files"};
  for (int number = 29; number <= 32; ++number) {
    CAPTURE(number);
    const std::string text = "0" + std::to_string(number) + kHeader + banners[number - 29] + "\n";
    auto event = fromText(text + "...\n");
    CHECK(event->format() == text);
    CHECK(field(*event, "MyType") == "\"FutureEvent\"");
    CHECK(ownFields(*event) == 0);
    CHECK(readOne("0" + std::to_string(number) + kHeader + "Something else\n...\n").status == Status::Error);
  }
}

TEST_CASE("PRE_SKIP events (34) need their notes") {
  auto event = fromText("034" + kHeader + "PRE script return value is PRE_SKIP value\n      DAG Node: B  \n...\n");
  CHECK(event->format() == "034" + kHeader + "PRE script return value is PRE_SKIP value\n    DAG Node: B\n");
  CHECK(field(*event, "SkipEventLogNotes") == "\"DAG Node: B\"");
  CHECK(field(*event, "MyType") == "\"FutureEvent\"");
  CHECK(readOne("034" + kHeader + "PRE script return value is PRE_SKIP value\n...\n").status == Status::Error);
  CHECK(readOne("034" + kHeader + "PRE script return value is PRE_SKIP value\n   \n...\n").status == Status::Error);
}

TEST_CASE("cluster submit and remove events (35, 36)") {
  const std::string submit = "Cluster submitted from host: <127.0.0.1:9618>\n    DAG Node: A\n    user notes\n";
  auto event = fromText("035" + kHeader + submit + "...\n");
  CHECK(event->format() == "035" + kHeader + submit);
  CHECK(ownFields(*event) == 1);  // the notes are not in the ad
  CHECK(field(*event, "SubmitHost") == "\"<127.0.0.1:9618>\"");

  const std::string removed = "Cluster removed\n\tMaterialized 2 jobs from 4 items.\tError -3\n\tsome notes\n";
  auto remove = fromText("036" + kHeader + removed + "...\n");
  CHECK(remove->format() == "036" + kHeader + removed);
  CHECK(field(*remove, "NextProcId") == "2");
  CHECK(field(*remove, "NextRow") == "4");
  CHECK(field(*remove, "Completion") == "-3");
  CHECK(field(*remove, "Notes") == "\"some notes\"");
  // "error" with no negative code is Error (-1); Paused; and a bare banner from older logs.
  auto error = fromText("036" + kHeader + "Cluster removed\n\tMaterialized 1 jobs from 0 items. error 5\n...\n");
  CHECK(field(*error, "Completion") == "-1");
  CHECK(error->format() == "036" + kHeader + "Cluster removed\n\tMaterialized 1 jobs from 0 items.\tError -1\n");
  CHECK(field(*fromText("036" + kHeader + "Cluster removed\n\tPaused\n...\n"), "Completion") == "2");
  auto bare = fromText("036" + kHeader + "Cluster removed\n...\n");
  CHECK(bare->format() == "036" + kHeader + "Cluster removed\n\tMaterialized 0 jobs from 0 items.\tIncomplete\n");
  CHECK(ownFields(*bare) == 3);
  CHECK(fromXml(36, "<a n=\"Completion\"><i>7</i></a>")->format() ==
        "036" + kHeader + "Cluster removed\n\tMaterialized 0 jobs from 0 items.\tPaused\n");
}

TEST_CASE("factory paused and resumed events (37, 38)") {
  auto both = fromText("037" + kHeader + "Job Materialization Paused\n\t  held by user\n\tPauseCode 2 HoldCode 4\n...\n");
  CHECK(both->format() == "037" + kHeader + "Job Materialization Paused\n\theld by user\n\tPauseCode 2\n\tHoldCode 4\n");
  CHECK(field(*both, "Reason") == "\"held by user\"");
  CHECK(field(*both, "PauseCode") == "2");
  CHECK(field(*both, "HoldCode") == "4");
  auto bare = fromText("037" + kHeader + "Job Materialization Paused\n...\n");
  CHECK(bare->format() == "037" + kHeader + "Job Materialization Paused\n");
  CHECK(ownFields(*bare) == 2);  // PauseCode and HoldCode, always
  // A pause code alone prints the (empty) reason line.
  CHECK(fromXml(37, "<a n=\"PauseCode\"><i>1</i></a>")->format() == "037" + kHeader + "Job Materialization Paused\n\t\n\tPauseCode 1\n");
  auto resumed = fromText("038" + kHeader + "Job Materialization Resumed\n\tvia condor_release\n...\n");
  CHECK(resumed->format() == "038" + kHeader + "Job Materialization Resumed\n\tvia condor_release\n");
  CHECK(field(*resumed, "Reason") == "\"via condor_release\"");
  CHECK(ownFields(*fromText("038" + kHeader + "Job Materialization Resumed\n...\n")) == 0);
}

TEST_CASE("dataflow job skipped events (46) with a reason and a termination tag") {
  // Read from text, the tag keeps its time as seconds, and its ad's When is what HTCondor's
  // lenient ISO 8601 parser makes of those digits.
  auto event = fromText("046" + kHeader +
                        "Dataflow job was skipped.\n\tOutput files are newer\n\n"
                        "\tJob terminated by itself at 2026-11-21T06:23:48Z (using method 0: OF_ITS_OWN_ACCORD).\n...\n");
  CHECK(event->format() == "046" + kHeader +
                               "Dataflow job was skipped.\n\tOutput files are newer\n\n"
                               "\tJob terminated by itself at 1795242228 (using method 0: OF_ITS_OWN_ACCORD).\n");
  CHECK(field(*event, "MyType") == "\"DataflowJobSkippedEvent\"");
  CHECK(field(*event, "Reason") == "\"Output files are newer\"");
  CHECK(field(*event, "ToE") ==
        "[ How = \"OF_ITS_OWN_ACCORD\"; Who = \"itself\"; When = -5460033661; HowCode = 0; ExitSignal = 0; ExitBySignal = true ]");
  CHECK(readOne("046" + kHeader + "Dataflow job was skipped.\n\tr\n\n\tnot a tag\n...\n").status == Status::Error);
  // From an ad, the time is shown in ISO 8601.
  auto xml = fromXml(46,
                     "<a n=\"ToE\"><c><a n=\"Who\"><s>itself</s></a><a n=\"How\"><s>OF_ITS_OWN_ACCORD</s></a>"
                     "<a n=\"HowCode\"><i>0</i></a><a n=\"When\"><i>1795242228</i></a>"
                     "<a n=\"ExitBySignal\"><b v=\"f\"/></a><a n=\"ExitCode\"><i>1</i></a></c></a>");
  CHECK(xml->format() == "046" + kHeader + "Dataflow job was skipped.\n\n\tJob terminated by itself at 2026-11-21T06:23:48Z (using method 0: OF_ITS_OWN_ACCORD).\n");
  CHECK(field(*xml, "ToE") == "[ How = \"OF_ITS_OWN_ACCORD\"; Who = \"itself\"; When = 1795242228; HowCode = 0; ExitCode = 1; ExitBySignal = false ]");
}

TEST_CASE("file transfer events (40)") {
  const std::string body = "Entered queue to transfer output files\n\tSeconds spent in queue: 12\n\tTransferring to host: <h>\n";
  auto event = fromText("040" + kHeader + body + "...\n");
  CHECK(event->format() == "040" + kHeader + body);
  CHECK(field(*event, "Type") == "4");
  CHECK(field(*event, "QueueingDelay") == "12");
  CHECK(field(*event, "Host") == "\"<h>\"");
  CHECK(readOne("040" + kHeader + "Entered queue to transfer output files\n\tSeconds spent in queue: 12s\n...\n").status == Status::Error);
  CHECK(readOne("040" + kHeader + "Transferring files\n...\n").status == Status::Error);
  // %lu of a negative delay.
  CHECK(fromXml(40, "<a n=\"Type\"><i>1</i></a><a n=\"QueueingDelay\"><i>-5</i></a>")->format() ==
        "040" + kHeader + "Entered queue to transfer input files\n\tSeconds spent in queue: 18446744073709551611\n");
}

TEST_CASE("space reservation and reuse file events (41-45) read from ads, not from text") {
  // Their bodies begin with a newline, so HTCondor's readers never find their first field.
  CHECK(readOne("041" + kHeader + "\n\tBytes reserved: 10\n\tReservation Expiration: 0\n\tReservation UUID: u\n\tTag: t\n...\n").status ==
        Status::Error);
  CHECK(readOne("042" + kHeader + "\n\tReservation UUID: u\n...\n").status == Status::Error);
  CHECK(readOne("044" + kHeader + "\n\tChecksum Value: c\n\tChecksum Type: SHA256\n\tTag: t\n...\n").status == Status::Error);

  auto reserve = fromXml(41,
                         "<a n=\"ExpirationTime\"><i>1795242228</i></a><a n=\"ReservedSpace\"><i>1048576</i></a>"
                         "<a n=\"UUID\"><s>u-1</s></a><a n=\"Tag\"><s>t</s></a>");
  CHECK(reserve->format() == "041" + kHeader + "\n\tBytes reserved: 1048576\n\tReservation Expiration: 1795242228\n\tReservation UUID: u-1\n\tTag: t\n");
  CHECK(field(*reserve, "ReservedSpace") == "1048576");
  CHECK(field(*reserve, "ExpirationTime") == "1795242228");
  // No space reserved: no "Bytes reserved" line, nor its newline. Numbers must be integers.
  auto none = fromXml(41, "<a n=\"ExpirationTime\"><r>5.0</r></a>");
  CHECK(none->format() == "041" + kHeader + "\tReservation Expiration: 0\n\tReservation UUID: \n\tTag: \n");
  CHECK(ownFields(*none) == 4);

  auto release = fromXml(42, "<a n=\"UUID\"><s>u-1</s></a>");
  CHECK(release->format() == "042" + kHeader + "\n\tReservation UUID: u-1\n");
  CHECK(field(*release, "MyType") == "\"ReleaseSpaceEvent\"");

  const std::string file = "<a n=\"Size\"><i>100</i></a><a n=\"Checksum\"><s>abc</s></a><a n=\"ChecksumType\"><s>SHA256</s></a>"
                           "<a n=\"UUID\"><s>u-1</s></a><a n=\"Tag\"><s>t</s></a>";
  auto complete = fromXml(43, file);
  CHECK(complete->format() == "043" + kHeader + "\n\tBytes: 100\n\tChecksum Value: abc\n\tChecksum Type: SHA256\n\tUUID: u-1\n");
  CHECK(ownFields(*complete) == 4);
  CHECK(field(*complete, "UUID") == "\"u-1\"");
  auto used = fromXml(44, file);
  CHECK(used->format() == "044" + kHeader + "\n\tChecksum Value: abc\n\tChecksum Type: SHA256\n\tTag: t\n");
  CHECK(ownFields(*used) == 3);
  auto removed = fromXml(45, file);
  CHECK(removed->format() == "045" + kHeader + "\n\tBytes: 100\n\tChecksum Value: abc\n\tChecksum Type: SHA256\n\tTag: t\n");
  CHECK(field(*removed, "Size") == "100");
  CHECK(field(*removed, "MyType") == "\"FileRemovedEvent\"");
}
