#include "eventlog/rusage.hpp"

#include <cctype>
#include <cstdint>
#include <cstdio>

#include "eventlog/number_text.hpp"
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

// "Usr D HH:MM:SS, Sys D HH:MM:SS", after `prefix`. int division and remainder, as HTCondor's:
// negative seconds print with their sign.
std::string usageText(const Rusage& usage, const char* prefix) {
  std::string out = prefix;
  auto part = [&out](const char* label, int t) {
    out += label;
    appendPadded(out, t / kDay);
    out += ' ';
    appendPadded(out, t % kDay / kHour, 2);
    out += ':';
    appendPadded(out, t % kHour / kMinute, 2);
    out += ':';
    appendPadded(out, t % kMinute, 2);
  };
  part("Usr ", usage.user);
  part(", Sys ", usage.system);
  return out;
}

}  // namespace

bool readRusageLine(BodyReader& in, bool& gotSync, Rusage& usage) {
  std::string line;
  if (!in.readOptionalLine(line, gotSync)) return false;
  return scanUsage(line, "\tUsr %d %d:%d:%d, Sys %d %d:%d:%d", usage);
}

void formatRusage(std::string& out, const Rusage& usage) {
  out += usageText(usage, "\t");
}

std::string rusageText(const Rusage& usage) { return usageText(usage, ""); }

bool parseRusageText(std::string_view text, Rusage& usage) {
  return scanUsage(text, " Usr %d %d:%d:%d, Sys %d %d:%d:%d", usage);
}

}  // namespace htcondor::eventlog
