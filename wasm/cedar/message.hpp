// CEDAR primitives inside one message (Stream::put/get): what a ReliSock codes between two
// end_of_message() calls. The writer builds a message's bytes, the reader takes them apart;
// framing into packets is packet.hpp's job.
//
//   int     8 bytes, two's complement, big-endian (every integer is widened to 64 bits)
//   double  int frac, int exp: frexp() mantissa times 2147483647 (truncated), and the exponent
//   string  plaintext: bytes, NUL; crypto mode on: int length (with the NUL), bytes, NUL
//   NULL    (nullable strings only) the single byte 0xAD, length-prefixed in crypto mode
//   bytes   raw, no length (the length travels separately)
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "cedar/error.hpp"
#include "cedar/packet.hpp"

namespace htcondor::cedar {

// The byte a NULL nullable string is sent as ("\255" in HTCondor's source).
inline constexpr uint8_t kNullStringMarker = 0xAD;
// 25.x receivers refuse a string length prefix above this.
inline constexpr int64_t kMaxPrefixedString = 10'000'000;

class MessageWriter {
 public:
  // `encrypted`: the stream's crypto mode is on, so strings carry a length prefix.
  explicit MessageWriter(bool encrypted = false) : encrypted_(encrypted) {}

  // Crypto mode can change between fields (legacy ciphers); with AES it is on for every
  // message once the key is installed.
  void setEncrypted(bool encrypted) { encrypted_ = encrypted; }
  bool encrypted() const { return encrypted_; }

  MessageWriter& putInt(int64_t value);
  MessageWriter& putDouble(double value);
  // A string must not contain NUL: the peer would cut it there. That is an error (sticky).
  MessageWriter& putString(std::string_view value);
  // put_nullstr(): nullopt goes out as the NULL marker.
  MessageWriter& putNullableString(std::optional<std::string_view> value);
  MessageWriter& putBytes(std::span<const uint8_t> bytes);
  MessageWriter& putChar(uint8_t value);

  // The first error of any put, if any; later puts are ignored once one failed.
  const std::optional<Error>& error() const { return error_; }
  const Bytes& bytes() const { return bytes_; }
  // The finished message, or the first error.
  Result<Bytes> finish() &&;

 private:
  void putStringBytes(std::string_view bytesWithoutNul);
  bool encrypted_;
  Bytes bytes_;
  std::optional<Error> error_;
};

class MessageReader {
 public:
  explicit MessageReader(std::span<const uint8_t> message, bool encrypted = false)
      : data_(message), encrypted_(encrypted) {}

  void setEncrypted(bool encrypted) { encrypted_ = encrypted; }
  bool encrypted() const { return encrypted_; }

  // An integer as it was sent: 64 bits.
  Result<int64_t> getInt64();
  // get(int): the value must fit 32 bits (the 4 high bytes must be its sign extension).
  Result<int32_t> getInt();
  Result<double> getDouble();
  // A string; a NULL marker reads as "" (Stream::get(std::string)).
  Result<std::string> getString();
  // get_nullstr()/get_string_ptr(): nullopt for the NULL marker. In plaintext a string whose
  // first byte is 0xAD is the marker (one byte), exactly as HTCondor's reader peeks it.
  Result<std::optional<std::string>> getNullableString();
  Result<Bytes> getBytes(size_t count);
  Result<uint8_t> getChar();

  size_t remaining() const { return data_.size() - pos_; }
  size_t position() const { return pos_; }
  bool atEnd() const { return pos_ == data_.size(); }
  // end_of_message() on the reading side: a message with bytes left unread is an error
  // (HTCondor logs "N untouched bytes" and fails).
  Status finish() const;

 private:
  std::span<const uint8_t> data_;
  size_t pos_ = 0;
  bool encrypted_;
};

}  // namespace htcondor::cedar
