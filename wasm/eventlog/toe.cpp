#include "eventlog/toe.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "classad/eval.hpp"
#include "eventlog/ad_fields.hpp"
#include "eventlog/event_time.hpp"

namespace htcondor::eventlog {

int64_t toeSeconds(const std::string& text) {
  ParsedTime parsed = parseIso8601(text);
  return epochOf(parsed.tm, true);
}

void ToeTag::write(std::string& out) const {
  out += "\n\tJob terminated by " + who + " at " + when + " (using method " + std::to_string(static_cast<int>(howCode)) +
         ": " + how + ").\n";
}

bool ToeTag::read(const std::string& text) {
  size_t endWho = text.find(" at ");
  if (endWho == std::string::npos) return false;
  who = text.substr(0, endWho);
  size_t start = endWho + 4;

  size_t endWhen = text.find(" (using method ", start);
  if (endWhen == std::string::npos) return false;
  // HTCondor keeps the time as epoch seconds in digits here.
  when = std::to_string(toeSeconds(text.substr(start, endWhen - start)));
  start = endWhen + 15;

  size_t endCode = text.find(": ", start);
  if (endCode == std::string::npos) return false;
  // strtol must take the whole text (an empty one passes, as 0).
  std::string code = text.substr(start, endCode - start);
  char* end = nullptr;
  long value = std::strtol(code.c_str(), &end, 10);
  if (*end != '\0') return false;
  howCode = static_cast<unsigned>(value);
  start = endCode + 2;

  size_t endHow = text.find(").", start);
  if (endHow == std::string::npos) return false;
  how = text.substr(start, endHow - start);
  return endHow + 2 >= text.size();
}

ToeTag decodeToe(const classad::ClassAd& ad) {
  ToeTag tag;
  lookupString(ad, "Who", tag.who);
  lookupString(ad, "How", tag.how);
  int64_t when = 0;  // HTCondor leaves it uninitialised when the ad has no When
  lookupInt(ad, "When", when);
  int howCode = 0;
  if (lookupInt(ad, "HowCode", howCode)) tag.howCode = static_cast<unsigned>(howCode);
  // EvaluateAttrBool: a boolean only, not a number.
  auto bySignal = classad::evaluateAttr(ad, "ExitBySignal");
  if (bySignal && bySignal->isBoolean()) {
    tag.exitBySignal = bySignal->asBoolean();
    lookupInt(ad, tag.exitBySignal ? "ExitSignal" : "ExitCode", tag.signalOrExitCode);
  }
  // time_to_iso8601 clamps each field to its range.
  std::tm tm = brokenDown(when, true);
  char text[64];
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02dZ", std::clamp(tm.tm_year + 1900, 0, 9999),
                std::clamp(tm.tm_mon + 1, 1, 12), std::clamp(tm.tm_mday, 1, 31), std::clamp(tm.tm_hour, 0, 24),
                std::clamp(tm.tm_min, 0, 60), std::clamp(tm.tm_sec, 0, 60));
  tag.when = text;
  return tag;
}

std::shared_ptr<classad::ClassAd> encodeToe(const ToeTag& tag) {
  auto ad = std::make_shared<classad::ClassAd>();
  assignString(*ad, "Who", tag.who);
  assignString(*ad, "How", tag.how);
  assignInt(*ad, "HowCode", static_cast<int>(tag.howCode));
  assignInt(*ad, "When", toeSeconds(tag.when));
  if (tag.howCode == kToeOfItsOwnAccord) {
    assignBool(*ad, "ExitBySignal", tag.exitBySignal);
    assignInt(*ad, tag.exitBySignal ? "ExitSignal" : "ExitCode", tag.signalOrExitCode);
  }
  return ad;
}

}  // namespace htcondor::eventlog
