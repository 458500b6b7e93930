// The ToE ("ticket of execution") tag of JOB_TERMINATED and JOB_ABORTED events in HTCondor
// 23: who ended the job, how and when (ToE::Tag, ToE::encode/decode). Its ad form is the
// nested ToE ad; its text form the line "\tJob terminated by <who> at <when> (using method
// <code>: <how>)." (JOB_TERMINATED writes a tag of the job's own ending differently: see
// events_termination.cpp).
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "classad/classad.hpp"

namespace htcondor::eventlog {

struct ToeTag {
  std::string who;
  std::string how;
  // Text: an ISO 8601 time from decodeToe(), or (HTCondor's quirk) the epoch seconds as
  // digits after read(), which encodeToe() then parses as an ISO 8601 time.
  std::string when;
  unsigned howCode = 0;
  // These defaults mark a tag without exit information (there is no signal 0).
  bool exitBySignal = true;
  int signalOrExitCode = 0;

  // Tag::writeToString: "\n\tJob terminated by ... (using method N: HOW).\n".
  void write(std::string& out) const;
  // Tag::readFromString, of the line after "\tJob terminated by " (chomped).
  bool read(const std::string& text);
};

// ToE::OfItsOwnAccord, and the names of the ways HTCondor ends a job (ToE::strings).
constexpr unsigned kToeOfItsOwnAccord = 0;
inline constexpr const char* kToeOfItsOwnAccordName = "OF_ITS_OWN_ACCORD";

// ToE::decode: the tag an ad describes (`when` as "YYYY-MM-DDTHH:MM:SSZ").
ToeTag decodeToe(const classad::ClassAd& ad);
// ToE::encode: the tag as an ad (When from parsing `when` as ISO 8601 UTC; the exit fields
// only for a job that ended of its own accord).
std::shared_ptr<classad::ClassAd> encodeToe(const ToeTag& tag);

// iso8601_to_time then timegm: text to epoch seconds, as HTCondor computes ToE times.
int64_t toeSeconds(const std::string& text);

}  // namespace htcondor::eventlog
