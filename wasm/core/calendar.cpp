#include "core/calendar.hpp"

namespace htcondor {

// Days from the civil date: Howard Hinnant's algorithm.
int64_t utcEpoch(const std::tm& tm) {
  int64_t year = 1900 + static_cast<int64_t>(tm.tm_year) + tm.tm_mon / 12;
  int64_t month = tm.tm_mon % 12;
  if (month < 0) {
    month += 12;
    --year;
  }
  year -= month < 2;  // March-based years put February last
  const int64_t era = (year >= 0 ? year : year - 399) / 400;
  const int64_t yearOfEra = year - era * 400;
  const int64_t dayOfYear = (153 * (month + (month > 1 ? -2 : 10)) + 2) / 5;
  const int64_t dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
  const int64_t days = era * 146097 + dayOfEra - 719468 + tm.tm_mday - 1;
  return days * 86400 + tm.tm_hour * 3600LL + tm.tm_min * 60LL + tm.tm_sec;
}


}  // namespace htcondor
