// HTCondor's command numbers and their names, for SecMan.getCommandString, SecMan.ping and
// Collector.advertise.
//
// The names are HTCondor's own command table: the pairs that makeCommandTable() and
// makeCollectorCommandTable() build in src/condor_includes/condor_commands.h, looked up by
// getCommandString / getCommandNum / getCollectorCommandNum (src/condor_utils/command_strings.cpp).
// The data was taken from every tagged release from 23.0.0 to 25.13.2: 23.9.6 (the default
// release) has 260 entries (197 + 63 collector), 25.13.2 has 275. The two differ, so each entry
// carries the releases it exists in:
//   - added after 23.9.6: DEACTIVATE_CLAIM_JOB_DONE 413 (24.7), GET_CONTACT_INFO 550 and
//     DAGMAN_GENERIC 61500 (24.8), CREDD_GET_TOKEN 81004 (24.1), STARTER_VACATE_JOB 1500 (24.9),
//     551-554 (25.5), 555-560 (25.6), DEACTIVATE_CLAIM_FINAL_XFER 561 and
//     TRANSFER_SANDBOX_AND_RM_JOB 71006 (25.8), REHOME 562 (25.10), MANAGE_CEILING 532 and
//     COMMAND_DATA_SLOT 563 (25.11), MANAGE_FLOOR 533 and MANAGE_PRIORITY_FACTOR 534 (25.12);
//   - removed after 23.9.6: REQ_NEW_PROC 435, PCKPT_FRGN_JOB 436, PCKPT_ALL_JOBS 446 and
//     PCKPT_JOB 466 (gone in 24.3), STARTER_HOLD_JOB 1500 (renamed STARTER_VACATE_JOB in 24.9),
//     GET_PRIORITY_ROLLUP_OLD 512 (gone in 25.4), DC_INVALIDATE_KEY 60014 (gone in 25.11);
//   - gone before 23.9.6: NEGOTIATE_WITH_SIGATTRS 493 (23.0-23.2), SHADOW_UPDATEINFO 71000
//     (23.0-23.4).
// The sentinels COMMAND_LAST (INT_MAX) and COLLECTOR_COMMAND_LAST (INT_MAX - 1) are table
// entries too, and HTCondor names them.
#pragma once

#include <climits>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "core/release.hpp"

namespace htcondor::protocol {

// "Not removed in any release known to the table."
inline constexpr Release kStillPresent{INT_MAX, 0, 0};

struct CommandEntry {
  std::int32_t number = 0;
  std::string_view name;
  Release since{};                     // {} = in every release from 23.0.0 on
  Release removedIn = kStillPresent;   // the first release without it

  constexpr bool inRelease(Release release) const { return since <= release && release < removedIn; }
};

// HTCondor's two tables, each sorted by number. Number 512 has two entries in releases before
// 25.4: DRAIN_JOBS and GET_PRIORITY_ROLLUP_OLD; HTCondor names 512 "DRAIN_JOBS" (it is listed
// first, and the 23.9.6 Python bindings say so) and still reads "GET_PRIORITY_ROLLUP_OLD" as 512.
std::span<const CommandEntry> collectorCommandTable();
std::span<const CommandEntry> commandTable();

// getCommandString(): the collector table first, then the rest. Exactly HTCondor's string for
// every number in the table of `release`; nullopt for any other number (including numbers
// outside a C int).
//
// Python bindings (23.9.6, src/python-bindings/secman.cpp): SecMan.getCommandString(n) puts
// getCommandString's result straight into a std::string, so for an unknown number it does not
// return None or "command N": it raises RuntimeError with libstdc++'s message
// kUnknownCommandStringError (checked live on 23.9.6 for -1 and 99999). A Python int outside
// a C int raises OverflowError "bad numeric conversion: positive overflow" (or "negative
// overflow") before any lookup. HTCondor 25.x ships only htcondor2, which has no getCommandString.
std::optional<std::string_view> commandName(std::int64_t number, Release release = kDefaultRelease);
inline constexpr std::string_view kUnknownCommandStringError =
    "basic_string: construction from null is not valid";

// getCommandNum(): the collector table first, then the rest; the whole name must match,
// ignoring ASCII case (HTCondor compares with its case-insensitive istring_view), so
// "dc_nop" is 60011. As HTCondor gets a C string, anything from a NUL on is ignored.
std::optional<std::int64_t> commandNumber(std::string_view name, Release release = kDefaultRelease);

// getCollectorCommandNum(), which Collector.advertise uses: the collector table only (an
// unknown name is HTCondorEnumError "Invalid command <name>" in the bindings).
std::optional<std::int64_t> collectorCommandNumber(std::string_view name,
                                                   Release release = kDefaultRelease);

// The command SecMan.ping sends for an authorization level name: getPermissionFromString()
// (ASCII case ignored, whole name) then getSampleCommand():
//   ALLOW 60011 (DC_NOP), READ 60020, WRITE 60021, NEGOTIATOR 60022, ADMINISTRATOR 60023,
//   CONFIG 60025, DAEMON 60026, ADVERTISE_STARTD 60027, ADVERTISE_SCHEDD 60028,
//   ADVERTISE_MASTER 60029;
//   OWNER 60024 (DC_NOP_OWNER): not a level since HTCondor 9.9, but the 23.9.6 bindings accept
//   it (strcasecmp) for older daemons; htcondor2 (25.x) does not;
//   SOAP, DEFAULT, CLIENT: -1. They are levels with no sample command; the 23.9.6 bindings then
//   ping with command -1 (htcondor2 raises "Unable to determine DaemonCore command value.").
// Any other text: nullopt. The same in every release of the table.
//
// SecMan.ping(target, command) in the 23.9.6 bindings: a str is tried as a level (this
// function), then as a command name (commandNumber); a Python int is used as is; anything
// else, including a str of digits, raises HTCondorEnumError
// "Unable to determine DaemonCore command value".
std::optional<std::int64_t> sampleCommandForLevel(std::string_view level);

}  // namespace htcondor::protocol
