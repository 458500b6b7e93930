// CEDAR framing over TCP (ReliSock), sans-IO: bytes in, messages out, and back.
//
//   packet  = end (1 byte) || length (uint32, big-endian) || payload (length bytes)
//   message = the payloads of consecutive packets up to and including the first with end != 0
//
// A per-packet transform can be installed on either side at a message boundary: the AES-GCM
// record layer (wasm/security/) plugs in there, as can a plaintext observer that feeds the
// handshake digests (it sees every header and payload). Without a transform payloads pass as
// they are.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "cedar/error.hpp"

namespace htcondor::cedar {

using Bytes = std::vector<uint8_t>;

inline constexpr size_t kPacketHeaderSize = 5;
// Receivers drop the connection on a longer packet (ReliSock::RcvMsg::rcv_packet).
inline constexpr size_t kMaxPacketPayload = 1024 * 1024;
// What HTCondor's own sender puts in a packet: a 4096-byte buffer less the 5-byte header.
inline constexpr size_t kHtcondorPacketPayload = 4091;
// Receivers treat any end flag 1..10 as end of message and refuse anything above.
inline constexpr uint8_t kMaxEndFlag = 10;

// Transforms one packet's payload: encryption on the way out, decryption on the way in.
// Implementations keep their own per-direction state (IV, packet counter, digests).
class PacketTransform {
 public:
  virtual ~PacketTransform() = default;
  // Sender: the wire payload for one packet of `plaintext`. The header that goes out with it
  // is `end || uint32_be(result size)`, which a transform that authenticates the header (AES-GCM
  // AAD) computes itself from `end` and the size it produces.
  virtual Result<Bytes> seal(uint8_t end, std::span<const uint8_t> plaintext) = 0;
  // Receiver: the plaintext of one packet, given its 5 header bytes as received and its payload.
  virtual Result<Bytes> open(std::span<const uint8_t> header, std::span<const uint8_t> payload) = 0;
  // The most bytes seal() adds to a payload, so the encoder keeps packets within 1 MiB.
  virtual size_t maxOverhead() const = 0;
};

// The 5 header bytes of a packet.
std::array<uint8_t, kPacketHeaderSize> packetHeader(uint8_t end, uint32_t length);

struct EncoderOptions {
  // The largest plaintext payload per packet. The default sends every message as one packet
  // (when it fits in 1 MiB), as the protocol document recommends for clients: a 25.x server in
  // low-data mode drops unauthenticated clients that send multi-packet messages.
  // kHtcondorPacketPayload reproduces HTCondor's own packet split.
  size_t maxPayload = kMaxPacketPayload;
};

// Splits messages into packets.
class PacketEncoder {
 public:
  explicit PacketEncoder(EncoderOptions options = {}) : options_(options) {}

  // Installed (or removed, with null) between messages, when crypto is turned on.
  void setTransform(std::shared_ptr<PacketTransform> transform) { transform_ = std::move(transform); }

  // The packets of one message, ready for the wire. An empty message is no packets at all:
  // HTCondor's end_of_message() with nothing buffered sends nothing.
  Result<Bytes> encode(std::span<const uint8_t> message);

 private:
  EncoderOptions options_;
  std::shared_ptr<PacketTransform> transform_;
};

struct DecoderOptions {
  // The largest message (sum of plaintext payloads) accepted. HTCondor sets no limit; query
  // replies of large pools run to many megabytes, so the default is generous.
  size_t maxMessage = 256 * 1024 * 1024;
  // 25.x SEC_USE_LOW_DATA_MODE on the receiving side: refuse packets with end flag 0.
  bool lowDataMode = false;
};

// What arrived of a message: the payload bytes decoded since the last part, and whether the
// message ended with them.
struct MessagePart {
  Bytes bytes;
  bool end = false;
};

// Reassembles messages from bytes as TCP delivers them, in chunks of any size. Packets are
// decoded only when a message is asked for, so a transform installed after a message takes
// effect from the very next packet even if its bytes have already arrived.
class PacketDecoder {
 public:
  explicit PacketDecoder(DecoderOptions options = {}) : options_(options) {}

  void setTransform(std::shared_ptr<PacketTransform> transform) { transform_ = std::move(transform); }

  // Appends received bytes.
  void feed(std::span<const uint8_t> bytes);

  // The next complete message; nullopt while more bytes are needed. An error is final: the
  // stream cannot be resynchronised and every later call returns the same error.
  Result<std::optional<Bytes>> next();
  // As next(), a message at a time, but handing out what its complete packets hold as they
  // arrive: a reader of a long message can start before its last packet. Nullopt while no new
  // packet is complete. A message begun with parts must be read with parts to its end.
  Result<std::optional<MessagePart>> nextPart();

  // Up to `max` received bytes taken as they are, unframed: HTCondor sends file data raw after
  // the size message when the stream is not encrypted (ReliSock::put_bytes_nobuffer). Only
  // between messages; empty when nothing is buffered (or the stream is broken).
  Bytes takeRaw(size_t max);

  // True when no partial packet or message is buffered: a close now is a clean close.
  bool atMessageBoundary() const { return buffer_.size() == consumed_ && partial_.empty() && !inMessage_; }

 private:
  // Decodes the next complete packet into partial_: nullopt while its bytes are incomplete,
  // else whether it ended the message.
  Result<std::optional<bool>> readPacket();

  DecoderOptions options_;
  std::shared_ptr<PacketTransform> transform_;
  Bytes buffer_;          // received bytes; those before consumed_ are decoded already
  size_t consumed_ = 0;
  Bytes partial_;         // payloads of the message so far (not yet handed out as parts)
  size_t messageSize_ = 0;  // payload bytes of the message so far, parts included
  bool inMessage_ = false;  // a packet with end 0 was read
  std::optional<Error> error_;
};

}  // namespace htcondor::cedar
