// Calendar arithmetic without the runtime's time functions (under emscripten, timegm and mktime
// go through JavaScript's Date): for event log times and certificate expirations.
#pragma once

#include <cstdint>
#include <ctime>

namespace htcondor {

// Seconds since the epoch of a UTC broken-down time, normalizing out-of-range fields as timegm
// does.
int64_t utcEpoch(const std::tm& tm);

}  // namespace htcondor
