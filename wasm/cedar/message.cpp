#include "cedar/message.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "classad/x86_conversions.hpp"

namespace htcondor::cedar {

namespace {

// frac scale of Stream::put(double) (FRAC_CONST).
constexpr double kFracConst = 2147483647.0;

Failure<Error> truncated(const char* what, size_t need, size_t have) {
  return fail(Errc::Truncated, std::string("reading ") + what + ": need " + std::to_string(need) +
                                   " bytes, " + std::to_string(have) + " left in the message");
}

}  // namespace

MessageWriter& MessageWriter::putInt(int64_t value) {
  if (error_) return *this;
  const auto u = static_cast<uint64_t>(value);
  for (int shift = 56; shift >= 0; shift -= 8) bytes_.push_back(static_cast<uint8_t>(u >> shift));
  return *this;
}

MessageWriter& MessageWriter::putDouble(double value) {
  // HTCondor on x86-64: NaN and infinities leave the exponent 0 and cast to INT_MIN.
  int exp = 0;
  const double mantissa = std::frexp(value, &exp);
  if (!std::isfinite(value)) exp = 0;
  putInt(classad::x86ToInt32(mantissa * kFracConst));
  return putInt(exp);
}

void MessageWriter::putStringBytes(std::string_view s) {
  if (encrypted_) putInt(static_cast<int64_t>(s.size()) + 1);
  bytes_.insert(bytes_.end(), s.begin(), s.end());
  bytes_.push_back(0);
}

MessageWriter& MessageWriter::putString(std::string_view value) {
  if (error_) return *this;
  if (value.find('\0') != std::string_view::npos) {
    error_ = Error{Errc::StringHasNul, "string to send contains a NUL byte"};
    return *this;
  }
  // The receiver takes a string starting with the NULL marker for NULL: it cannot be sent.
  if (!value.empty() && static_cast<uint8_t>(value[0]) == kNullStringMarker) {
    error_ = Error{Errc::BadArgument, "string to send starts with byte 0xAD, which the receiver reads as NULL"};
    return *this;
  }
  if (encrypted_ && static_cast<int64_t>(value.size()) + 1 > kMaxPrefixedString) {
    error_ = Error{Errc::BadArgument, "string of " + std::to_string(value.size()) +
                                          " bytes exceeds the receiver's 10000000-byte limit"};
    return *this;
  }
  putStringBytes(value);
  return *this;
}

MessageWriter& MessageWriter::putNullableString(std::optional<std::string_view> value) {
  if (error_) return *this;
  if (value) return putString(*value);
  // The marker alone, without a terminator; its length prefix (crypto mode) is 1.
  if (encrypted_) putInt(1);
  bytes_.push_back(kNullStringMarker);
  return *this;
}

MessageWriter& MessageWriter::putBytes(std::span<const uint8_t> bytes) {
  if (error_) return *this;
  bytes_.insert(bytes_.end(), bytes.begin(), bytes.end());
  return *this;
}

MessageWriter& MessageWriter::putChar(uint8_t value) {
  if (error_) return *this;
  bytes_.push_back(value);
  return *this;
}

Result<Bytes> MessageWriter::finish() && {
  if (error_) return Failure<Error>{*error_};
  return std::move(bytes_);
}

Result<int64_t> MessageReader::getInt64() {
  if (remaining() < 8) return truncated("int", 8, remaining());
  uint64_t u = 0;
  for (int i = 0; i < 8; ++i) u = (u << 8) | data_[pos_ + static_cast<size_t>(i)];
  pos_ += 8;
  return static_cast<int64_t>(u);
}

Result<int32_t> MessageReader::getInt() {
  Result<int64_t> r = getInt64();
  if (!r) return Failure<Error>{r.error()};
  if (*r < std::numeric_limits<int32_t>::min() || *r > std::numeric_limits<int32_t>::max())
    return fail(Errc::IntegerOverflow, "int " + std::to_string(*r) + " does not fit 32 bits");
  return static_cast<int32_t>(*r);
}

Result<double> MessageReader::getDouble() {
  Result<int32_t> frac = getInt();
  if (!frac) return Failure<Error>{frac.error()};
  Result<int32_t> exp = getInt();
  if (!exp) return Failure<Error>{exp.error()};
  return std::ldexp(static_cast<double>(*frac) / kFracConst, *exp);
}

Result<std::optional<std::string>> MessageReader::getNullableString() {
  using Out = std::optional<std::string>;
  if (!encrypted_) {
    if (remaining() < 1) return truncated("string", 1, 0);
    if (data_[pos_] == kNullStringMarker) {
      ++pos_;
      return Out{};
    }
    const auto* begin = data_.data() + pos_;
    const auto* nul = std::find(begin, data_.data() + data_.size(), uint8_t{0});
    if (nul == data_.data() + data_.size())
      return fail(Errc::BadString, "string not terminated before the end of the message");
    std::string s(reinterpret_cast<const char*>(begin), static_cast<size_t>(nul - begin));
    pos_ += s.size() + 1;
    return Out{std::move(s)};
  }
  const size_t start = pos_;
  Result<int32_t> len = getInt();
  if (!len) return Failure<Error>{len.error()};
  // 25.x refuses lengths below 0 and above 10,000,000; 0 cannot hold the terminator.
  if (*len <= 0 || *len > kMaxPrefixedString) {
    pos_ = start;
    return fail(Errc::BadString, "string length prefix " + std::to_string(*len));
  }
  const auto n = static_cast<size_t>(*len);
  if (remaining() < n) {
    const size_t have = remaining();
    pos_ = start;
    return truncated("string", n, have);
  }
  const auto* begin = data_.data() + pos_;
  if (begin[0] == kNullStringMarker) {
    pos_ += n;
    return Out{};
  }
  if (begin[n - 1] != 0) {
    pos_ = start;
    return fail(Errc::BadString, "length-prefixed string does not end with NUL");
  }
  pos_ += n;
  // HTCondor hands the buffer on as a C string: an embedded NUL ends it.
  const auto* nul = std::find(begin, begin + n, uint8_t{0});
  return Out{std::string(reinterpret_cast<const char*>(begin), static_cast<size_t>(nul - begin))};
}

Result<std::string> MessageReader::getString() {
  Result<std::optional<std::string>> r = getNullableString();
  if (!r) return Failure<Error>{r.error()};
  return r->value_or(std::string());
}

Result<Bytes> MessageReader::getBytes(size_t count) {
  if (remaining() < count) return truncated("bytes", count, remaining());
  Bytes out(data_.begin() + static_cast<std::ptrdiff_t>(pos_),
            data_.begin() + static_cast<std::ptrdiff_t>(pos_ + count));
  pos_ += count;
  return out;
}

Result<uint8_t> MessageReader::getChar() {
  if (remaining() < 1) return truncated("char", 1, 0);
  return data_[pos_++];
}

Status MessageReader::finish() const {
  if (!atEnd())
    return fail(Errc::UntouchedBytes, std::to_string(remaining()) + " untouched bytes at the end of the message");
  return ok();
}

}  // namespace htcondor::cedar
