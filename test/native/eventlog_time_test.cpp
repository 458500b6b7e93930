// Event times: the reader's own UTC conversion against the C library's timegm, and local times
// (with the reused zone offset) against mktime, across years, month ends, leap days and the
// out-of-range fields HTCondor's headers can carry.
#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>

#include "eventlog/event_time.hpp"

using htcondor::eventlog::epochOf;
using htcondor::eventlog::parseIso8601;

TEST_CASE("epochOf matches timegm and mktime, also for fields out of range") {
  setenv("TZ", "Europe/Berlin", 1);  // with daylight saving time, so the offset changes
  tzset();
  for (int year : {69, 70, 100, 124, 126, 200}) {
    for (int month : {-1, 0, 1, 2, 11, 12}) {
      for (int day : {0, 1, 28, 29, 31, 32}) {
        for (int hour : {0, 2, 23, 24}) {
          std::tm tm{};
          tm.tm_year = year;
          tm.tm_mon = month;
          tm.tm_mday = day;
          tm.tm_hour = hour;
          tm.tm_min = 59;
          tm.tm_sec = 60;
          std::tm copy = tm;
          CHECK(epochOf(tm, true) == static_cast<int64_t>(timegm(&copy)));
          copy = tm;
          copy.tm_isdst = -1;
          CHECK(epochOf(tm, false) == static_cast<int64_t>(mktime(&copy)));
        }
      }
    }
  }
  setenv("TZ", "UTC", 1);
  tzset();
}

TEST_CASE("parseIso8601 reads HTCondor's forms, with sub-seconds and a zone mark") {
  auto t = parseIso8601("2026-11-21T05:49:47.836Z");
  CHECK(t.tm.tm_year == 126);
  CHECK(t.tm.tm_mon == 10);
  CHECK(t.tm.tm_mday == 21);
  CHECK(t.tm.tm_sec == 47);
  CHECK(t.usec == 836000);
  CHECK(t.utc);
  auto timeOnly = parseIso8601("06:20:09 Job submitted");
  CHECK(timeOnly.tm.tm_year == -1);
  CHECK(timeOnly.tm.tm_hour == 6);
  CHECK(timeOnly.usec == 0);
  CHECK_FALSE(timeOnly.utc);
  CHECK(parseIso8601("x").tm.tm_hour == -1);
}
