#include "cedar/packet.hpp"

#include <algorithm>
#include <string>
#include <utility>

namespace htcondor::cedar {

std::array<uint8_t, kPacketHeaderSize> packetHeader(uint8_t end, uint32_t length) {
  return {end, static_cast<uint8_t>(length >> 24), static_cast<uint8_t>(length >> 16),
          static_cast<uint8_t>(length >> 8), static_cast<uint8_t>(length)};
}

Result<Bytes> PacketEncoder::encode(std::span<const uint8_t> message) {
  const size_t overhead = transform_ ? transform_->maxOverhead() : 0;
  size_t chunk = std::min(options_.maxPayload, kMaxPacketPayload);
  if (overhead >= chunk) return fail(Errc::BadArgument, "packet transform overhead leaves no room for payload");
  // The transform's output must stay within the receiver's 1 MiB limit.
  chunk = std::min(chunk, kMaxPacketPayload - overhead);
  if (chunk == 0) return fail(Errc::BadArgument, "maximum packet payload is 0");

  Bytes out;
  out.reserve(message.size() + (message.size() / chunk + 1) * (kPacketHeaderSize + overhead));
  for (size_t pos = 0; pos < message.size();) {
    const size_t n = std::min(chunk, message.size() - pos);
    const std::span<const uint8_t> plain = message.subspan(pos, n);
    pos += n;
    const uint8_t end = pos == message.size() ? 1 : 0;
    Bytes sealed;
    if (transform_) {
      Result<Bytes> r = transform_->seal(end, plain);
      if (!r) return fail(Errc::TransformFailed, r.error().message);
      sealed = std::move(*r);
      if (sealed.empty() || sealed.size() > kMaxPacketPayload)
        return fail(Errc::TransformFailed, "packet transform produced " + std::to_string(sealed.size()) + " bytes");
    }
    const std::span<const uint8_t> payload = transform_ ? std::span<const uint8_t>(sealed) : plain;
    const auto header = packetHeader(end, static_cast<uint32_t>(payload.size()));
    out.insert(out.end(), header.begin(), header.end());
    out.insert(out.end(), payload.begin(), payload.end());
  }
  return out;
}

void PacketDecoder::feed(std::span<const uint8_t> bytes) {
  if (error_) return;  // nothing more will be decoded
  // Drop what was decoded before growing the buffer, so it holds at most one packet's worth of
  // old bytes plus what arrived since.
  if (consumed_ > 0) {
    buffer_.erase(buffer_.begin(), buffer_.begin() + static_cast<std::ptrdiff_t>(consumed_));
    consumed_ = 0;
  }
  buffer_.insert(buffer_.end(), bytes.begin(), bytes.end());
}

Result<std::optional<bool>> PacketDecoder::readPacket() {
  if (error_) return Failure<Error>{*error_};
  auto broken = [this](Errc code, std::string message) -> Result<std::optional<bool>> {
    error_ = Error{code, std::move(message)};
    return Failure<Error>{*error_};
  };
  const size_t avail = buffer_.size() - consumed_;
  const uint8_t* p = buffer_.data() + consumed_;
  // The header is checked as soon as its bytes arrive, as HTCondor checks a short header:
  // a bad one fails without waiting for the rest.
  if (avail >= 1 && p[0] > kMaxEndFlag)
    return broken(Errc::BadEndFlag, "packet end flag " + std::to_string(p[0]) + " (allowed 0..10)");
  if (avail >= 1 && p[0] == 0 && options_.lowDataMode)
    return broken(Errc::MultiPacketRefused, "multi-packet message received in low-data mode");
  if (avail < kPacketHeaderSize) return std::optional<bool>{};
  const uint32_t length = (uint32_t{p[1]} << 24) | (uint32_t{p[2]} << 16) | (uint32_t{p[3]} << 8) | p[4];
  if (length == 0 || length > kMaxPacketPayload)
    return broken(Errc::BadPacketLength, "packet length " + std::to_string(length) + " (allowed 1..1048576)");
  if (avail - kPacketHeaderSize < length) return std::optional<bool>{};

  const std::span<const uint8_t> header(p, kPacketHeaderSize);
  const std::span<const uint8_t> payload(p + kPacketHeaderSize, length);
  const bool end = p[0] != 0;
  consumed_ += kPacketHeaderSize + length;
  Bytes opened;
  if (transform_) {
    Result<Bytes> r = transform_->open(header, payload);
    if (!r) return broken(Errc::TransformFailed, r.error().message);
    opened = std::move(*r);
  }
  const std::span<const uint8_t> plain = transform_ ? std::span<const uint8_t>(opened) : payload;
  if (plain.size() > options_.maxMessage - messageSize_)
    return broken(Errc::MessageTooLarge, "message exceeds " + std::to_string(options_.maxMessage) + " bytes");
  partial_.insert(partial_.end(), plain.begin(), plain.end());
  messageSize_ = end ? 0 : messageSize_ + plain.size();
  inMessage_ = !end;
  return std::optional<bool>(end);
}

Result<std::optional<Bytes>> PacketDecoder::next() {
  for (;;) {
    auto packet = readPacket();
    if (!packet) return Failure<Error>{packet.error()};
    if (!*packet) return std::optional<Bytes>{};
    if (**packet) return std::optional<Bytes>(std::exchange(partial_, Bytes{}));
  }
}

Result<std::optional<MessagePart>> PacketDecoder::nextPart() {
  for (;;) {
    auto packet = readPacket();
    if (!packet) return Failure<Error>{packet.error()};
    if (*packet && !**packet) continue;
    const bool end = *packet && **packet;
    if (!end && partial_.empty()) return std::optional<MessagePart>{};
    return std::optional<MessagePart>(MessagePart{std::exchange(partial_, Bytes{}), end});
  }
}

Bytes PacketDecoder::takeRaw(size_t max) {
  if (error_ || inMessage_) return {};
  const size_t count = std::min(max, buffer_.size() - consumed_);
  const auto from = buffer_.begin() + static_cast<std::ptrdiff_t>(consumed_);
  Bytes raw(from, from + static_cast<std::ptrdiff_t>(count));
  consumed_ += count;
  return raw;
}

}  // namespace htcondor::cedar
