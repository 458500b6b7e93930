// HTCondor's command table (protocol/command_table.hpp): getCommandString, getCommandNum,
// getCollectorCommandNum and the levels SecMan.ping accepts, for 23.9.6 and the 25.x changes.
#include <doctest/doctest.h>

#include <cctype>
#include <climits>
#include <set>
#include <string>

#include "protocol/command_table.hpp"

using namespace htcondor;
using namespace htcondor::protocol;

namespace {

constexpr Release k23_0{23, 0, 0};
constexpr Release k23_9{23, 9, 6};
constexpr Release k24_0{24, 0, 23};
constexpr Release k25_13{25, 13, 2};

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// A release the entry exists in: 23.9.6 when it does, else the one that added it, else 23.0.0.
Release someReleaseOf(const CommandEntry& e) {
  if (e.inRelease(k23_9)) return k23_9;
  if (e.since != Release{}) return e.since;
  return k23_0;
}

std::size_t entriesIn(Release release) {
  std::size_t n = 0;
  for (auto table : {collectorCommandTable(), commandTable()}) {
    for (const CommandEntry& e : table) n += e.inRelease(release) ? 1 : 0;
  }
  return n;
}

}  // namespace

TEST_CASE("command table: sizes per release") {
  CHECK(collectorCommandTable().size() == 63);
  CHECK(commandTable().size() == 221);
  CHECK(entriesIn(k23_9) == 260);   // makeCommandTable() 197 + makeCollectorCommandTable() 63
  CHECK(entriesIn(k25_13) == 275);  // 212 + 63
  CHECK(entriesIn(k23_0) == 260);  // without QUERY_MULTIPLE_ADS and _PVT_, with 493 and 71000
}

TEST_CASE("command table: every entry round-trips by number and by name") {
  std::set<std::string> names;
  for (auto table : {collectorCommandTable(), commandTable()}) {
    for (const CommandEntry& e : table) {
      CAPTURE(e.name);
      const Release r = someReleaseOf(e);
      REQUIRE(e.inRelease(r));
      CHECK(names.insert(lower(e.name)).second);  // names are unique even ignoring case
      CHECK(commandNumber(e.name, r) == e.number);
      CHECK(commandNumber(lower(e.name), r) == e.number);
      if (e.name != "GET_PRIORITY_ROLLUP_OLD") CHECK(commandName(e.number, r) == e.name);
      // Outside its releases the name is unknown (number 1500 changed its name).
      if (e.since != Release{}) CHECK_FALSE(commandNumber(e.name, Release{e.since.major, 0, 0}));
      if (e.removedIn != kStillPresent) {
        CHECK_FALSE(commandNumber(e.name, e.removedIn));
        CHECK(commandName(e.number, e.removedIn) != e.name);
      }
    }
  }
  for (const CommandEntry& e : collectorCommandTable()) {
    CHECK(collectorCommandNumber(e.name, someReleaseOf(e)) == e.number);
  }
}

TEST_CASE("command table: spot checks against HTCondor 23.9.6") {
  CHECK(commandName(5) == "QUERY_STARTD_ADS");
  CHECK(commandName(0) == "UPDATE_STARTD_AD");
  CHECK(commandName(60010) == "DC_AUTHENTICATE");
  CHECK(commandName(60040) == "DC_SEC_QUERY");
  CHECK(commandName(60011) == "DC_NOP");
  CHECK(commandName(1111) == "QMGMT_READ_CMD");
  CHECK(commandName(1112) == "QMGMT_WRITE_CMD");
  CHECK(commandName(478) == "ACT_ON_JOBS");
  CHECK(commandName(58) == "UPDATE_AD_GENERIC");
  CHECK(commandName(59) == "INVALIDATE_ADS_GENERIC");
  CHECK(commandName(53) == "QUERY_MULTIPLE_ADS");
  CHECK(commandName(74) == "QUERY_GENERIC_ADS");
  CHECK(commandName(81100) == "CREDD_NOP");
  CHECK(commandName(INT_MAX) == "COMMAND_LAST");
  CHECK(commandName(INT_MAX - 1) == "COLLECTOR_COMMAND_LAST");
  CHECK(commandNumber("QUERY_STARTD_ADS") == 5);
  CHECK(commandNumber("ACT_ON_JOBS") == 478);
  CHECK(commandNumber("UPDATE_AD_GENERIC") == 58);
  CHECK(commandNumber("INVALIDATE_ADS_GENERIC") == 59);
  CHECK(commandNumber("DC_SEC_QUERY") == 60040);
  CHECK(commandNumber("dc_nop") == 60011);
  CHECK(commandNumber("Qmgmt_Write_Cmd") == 1112);
  // 512: two names; the number reads as DRAIN_JOBS, both names read as 512 until 25.4.
  CHECK(commandName(512) == "DRAIN_JOBS");
  CHECK(commandNumber("DRAIN_JOBS") == 512);
  CHECK(commandNumber("GET_PRIORITY_ROLLUP_OLD") == 512);
  CHECK(commandNumber("GET_PRIORITY_ROLLUP") == 514);
}

TEST_CASE("command table: 25.x changes") {
  CHECK(commandName(1500) == "STARTER_HOLD_JOB");
  CHECK(commandName(1500, k24_0) == "STARTER_HOLD_JOB");
  CHECK(commandName(1500, Release{24, 9, 2}) == "STARTER_VACATE_JOB");
  CHECK(commandName(1500, k25_13) == "STARTER_VACATE_JOB");
  CHECK_FALSE(commandNumber("STARTER_VACATE_JOB"));
  CHECK(commandNumber("STARTER_VACATE_JOB", k25_13) == 1500);
  CHECK_FALSE(commandNumber("STARTER_HOLD_JOB", k25_13));
  CHECK(commandName(435) == "REQ_NEW_PROC");
  CHECK(commandName(435, k24_0) == "REQ_NEW_PROC");
  CHECK_FALSE(commandName(435, k25_13));
  CHECK(commandName(60014) == "DC_INVALIDATE_KEY");
  CHECK_FALSE(commandName(60014, k25_13));
  CHECK(commandName(512, k25_13) == "DRAIN_JOBS");
  CHECK_FALSE(commandNumber("GET_PRIORITY_ROLLUP_OLD", k25_13));
  CHECK_FALSE(commandName(81004));
  CHECK(commandName(81004, k25_13) == "CREDD_GET_TOKEN");
  CHECK(commandName(413, k25_13) == "DEACTIVATE_CLAIM_JOB_DONE");
  CHECK(commandName(563, k25_13) == "COMMAND_DATA_SLOT");
  CHECK(commandNumber("placement_user_login", k25_13) == 555);
  CHECK(commandName(71006, k25_13) == "TRANSFER_SANDBOX_AND_RM_JOB");
  CHECK(commandName(61500, k25_13) == "DAGMAN_GENERIC");
  // Gone before 23.9.6.
  CHECK(commandName(493, k23_0) == "NEGOTIATE_WITH_SIGATTRS");
  CHECK_FALSE(commandName(493));
  CHECK(commandName(71000, Release{23, 4, 0}) == "SHADOW_UPDATEINFO");
  CHECK_FALSE(commandName(71000));
}

TEST_CASE("command table: unknown numbers and names") {
  // The 23.9.6 bindings raise RuntimeError for these (see the header).
  CHECK(kUnknownCommandStringError == "basic_string: construction from null is not valid");
  for (std::int64_t n : {std::int64_t{-1}, std::int64_t{3}, std::int64_t{8}, std::int64_t{99},
                         std::int64_t{400}, std::int64_t{99999}, std::int64_t{60001},
                         std::int64_t{INT_MAX} - 2, std::int64_t{INT_MAX} + 1,
                         std::int64_t{INT_MIN}, std::int64_t{1} << 40}) {
    CAPTURE(n);
    CHECK_FALSE(commandName(n));
    CHECK_FALSE(commandName(n, k25_13));
  }
  for (std::string_view name : {"", "DC_NOP ", " DC_NOP", "DC_NO", "DC_NOPX", "60011", "NOP",
                                "QUERY_STARTD_AD", "command 5", "READ", "OWNER"}) {
    CAPTURE(name);
    CHECK_FALSE(commandNumber(name));
    CHECK_FALSE(collectorCommandNumber(name));
  }
  // HTCondor sees a C string: a NUL ends the name.
  CHECK(commandNumber(std::string_view("DC_NOP\0junk", 11)) == 60011);
}

TEST_CASE("command table: Collector.advertise names come from the collector table only") {
  CHECK(collectorCommandNumber("UPDATE_AD_GENERIC") == 58);
  CHECK(collectorCommandNumber("update_startd_ad") == 0);
  CHECK(collectorCommandNumber("UPDATE_STARTD_AD_WITH_ACK") == 60);
  CHECK(collectorCommandNumber("INVALIDATE_ADS_GENERIC") == 59);
  CHECK(collectorCommandNumber("MERGE_STARTD_AD") == 73);
  CHECK_FALSE(collectorCommandNumber("DC_NOP"));
  CHECK_FALSE(collectorCommandNumber("QMGMT_WRITE_CMD"));
  CHECK_FALSE(collectorCommandNumber("QUERY_MULTIPLE_ADS", Release{23, 1, 0}));
  CHECK(collectorCommandNumber("QUERY_MULTIPLE_ADS") == 53);
}

TEST_CASE("command table: authorization levels for SecMan.ping") {
  const std::pair<std::string_view, std::int64_t> levels[] = {
      {"ALLOW", 60011},         {"READ", 60020},          {"WRITE", 60021},
      {"NEGOTIATOR", 60022},    {"ADMINISTRATOR", 60023}, {"OWNER", 60024},
      {"CONFIG", 60025},        {"DAEMON", 60026},        {"ADVERTISE_STARTD", 60027},
      {"ADVERTISE_SCHEDD", 60028}, {"ADVERTISE_MASTER", 60029},
      {"SOAP", -1},             {"DEFAULT", -1},          {"CLIENT", -1},
  };
  for (auto [level, command] : levels) {
    CAPTURE(level);
    CHECK(sampleCommandForLevel(level) == command);
    CHECK(sampleCommandForLevel(lower(level)) == command);
    if (command != -1) CHECK(commandName(command).has_value());
  }
  CHECK(commandName(60011) == "DC_NOP");
  CHECK(commandName(60024) == "DC_NOP_OWNER");
  CHECK(commandName(60029) == "DC_NOP_ADVERTISE_MASTER");
  CHECK(sampleCommandForLevel("Administrator") == 60023);
  for (std::string_view text : {"", "DC_NOP", "NONE", "ALLOW_PERM", "READ ", "ADVERTISE", "60020",
                                "IMMEDIATE_FAMILY"}) {
    CAPTURE(text);
    CHECK_FALSE(sampleCommandForLevel(text));
  }
  CHECK(sampleCommandForLevel(std::string_view("WRITE\0x", 7)) == 60021);
}
