// The CPU usage lines of termination events ("\tUsr 0 00:02:13, Sys 0 00:00:01  -  Run Remote
// Usage") and their ad form ("Usr 0 00:02:13, Sys 0 00:00:01"), as ULogEvent's readRusageLine,
// formatRusage, rusageToStr and strToRusage handle a struct rusage's user and system seconds.
#pragma once

#include <string>
#include <string_view>

#include "eventlog/body_reader.hpp"

namespace htcondor::eventlog {

// Seconds of user and system time. HTCondor does the day/hour/minute arithmetic in int, so
// the values are ints (wrapping as x86 does when a line holds an absurd number of days).
struct Rusage {
  int user = 0;
  int system = 0;
};

// The next line must be a usage line (read_optional_line, then sscanf); false otherwise, and
// `usage` is left alone.
bool readRusageLine(BodyReader& in, bool& gotSync, Rusage& usage);
// "\tUsr D HH:MM:SS, Sys D HH:MM:SS" (no newline: the caller adds the label).
void formatRusage(std::string& out, const Rusage& usage);
// The ad form: the same without the tab.
std::string rusageText(const Rusage& usage);
// The ad form back (leading white space allowed); false, leaving `usage` alone, if it does not
// scan.
bool parseRusageText(std::string_view text, Rusage& usage);

}  // namespace htcondor::eventlog
