// Floating-point to integer conversions as x86-64 does them (cvttsd2si): out of range, NaN
// and infinities give the most negative integer. HTCondor's results were recorded on x86-64;
// WebAssembly's own conversions trap or saturate, so every such cast goes through these.
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>

namespace htcondor::classad {

inline int64_t x86ToInt64(double d) {
  if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0)) return std::numeric_limits<int64_t>::min();
  return static_cast<int64_t>(d);
}

inline int32_t x86ToInt32(double d) {
  if (!(d > -2147483649.0 && d < 2147483648.0)) return std::numeric_limits<int32_t>::min();
  return static_cast<int32_t>(d);
}

}  // namespace htcondor::classad
