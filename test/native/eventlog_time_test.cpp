// Event times: the reader's own UTC conversion against the C library's timegm, and local times
// (with the reused zone offset) against mktime, across years, month ends, leap days and the
// out-of-range fields HTCondor's headers can carry.
#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>

#include "eventlog/event_time.hpp"

using htcondor::eventlog::brokenDown;
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

TEST_CASE("brokenDown matches gmtime_r and localtime_r") {
  setenv("TZ", "Europe/Berlin", 1);
  tzset();
  for (int64_t clock : {-86401LL, -1LL, 0LL, 951782400LL, 1711846799LL, 1711846800LL, 1729990800LL, 1795242009LL, 4102444800LL}) {
    for (int64_t step = 0; step < 3 * 3600; step += 1799) {
      const time_t t = static_cast<time_t>(clock + step);
      std::tm want{};
      for (bool utc : {true, false}) {
        if (utc) gmtime_r(&t, &want);
        else localtime_r(&t, &want);
        std::tm got = brokenDown(clock + step, utc);
        CHECK(got.tm_year == want.tm_year);
        CHECK(got.tm_mon == want.tm_mon);
        CHECK(got.tm_mday == want.tm_mday);
        CHECK(got.tm_hour == want.tm_hour);
        CHECK(got.tm_min == want.tm_min);
        CHECK(got.tm_sec == want.tm_sec);
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
