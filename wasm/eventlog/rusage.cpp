#include "eventlog/rusage.hpp"

#include <cctype>
#include <cstdint>
#include <cstdio>

#include "eventlog/scan_line.hpp"

namespace htcondor::eventlog {

namespace {

constexpr int kMinute = 60, kHour = 60 * kMinute, kDay = 24 * kHour;

// days, hours, minutes, seconds: the sum HTCondor computes in int, with int's wrap-around
// (unsigned arithmetic here, so it is defined).
int totalSeconds(int days, int hours, int minutes, int seconds) {
  uint32_t sum = static_cast<uint32_t>(seconds) + static_cast<uint32_t>(minutes) * kMinute +
                 static_cast<uint32_t>(hours) * kHour + static_cast<uint32_t>(days) * kDay;
  return static_cast<int>(sum);
}

// sscanf of the eight numbers after `format`'s literal text; false unless all eight were read.
bool scanUsage(std::string_view text, std::string_view format, Rusage& usage) {
  int ud = 0, uh = 0, um = 0, us = 0, sd = 0, sh = 0, sm = 0, ss = 0;
  if (scanLine(text, format, {&ud, &uh, &um, &us, &sd, &sh, &sm, &ss}) < 8) return false;
  usage.user = totalSeconds(ud, uh, um, us);
  usage.system = totalSeconds(sd, sh, sm, ss);
  return true;
}

std::string usageText(const Rusage& usage, const char* format) {
  // int division and remainder, as HTCondor's: negative seconds print with their sign.
  int u = usage.user, s = usage.system;
  char text[128];
  std::snprintf(text, sizeof text, format, u / kDay, u % kDay / kHour, u % kHour / kMinute, u % kMinute, s / kDay,
                s % kDay / kHour, s % kHour / kMinute, s % kMinute);
  return text;
}

}  // namespace

bool readRusageLine(BodyReader& in, bool& gotSync, Rusage& usage) {
  std::string line;
  if (!in.readOptionalLine(line, gotSync)) return false;
  return scanUsage(line, "\tUsr %d %d:%d:%d, Sys %d %d:%d:%d", usage);
}

void formatRusage(std::string& out, const Rusage& usage) {
  out += usageText(usage, "\tUsr %d %02d:%02d:%02d, Sys %d %02d:%02d:%02d");
}

std::string rusageText(const Rusage& usage) { return usageText(usage, "Usr %d %02d:%02d:%02d, Sys %d %02d:%02d:%02d"); }

bool parseRusageText(std::string_view text, Rusage& usage) {
  return scanUsage(text, " Usr %d %d:%d:%d, Sys %d %d:%d:%d", usage);
}

}  // namespace htcondor::eventlog
