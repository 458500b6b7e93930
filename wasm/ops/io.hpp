// The core <-> host contract for network operations (sans-IO, after quinn-proto and rustls).
// An operation is a C++20 coroutine that never blocks: it asks for a connection, sends bytes,
// and suspends until the host feeds back what happened. The host alternates
//   poll()  -> the next Action (connect, send, close, wake me at T, a result, done, failed)
//   onConnected / onConnectFailed / onData / onClosed / onTimer(now)
// so every flow can be driven by real sockets, by a WebSocket relay, or by a test replaying a
// capture byte for byte.
#pragma once

#include <coroutine>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "cedar/packet.hpp"

namespace htcondor::ops {

using Bytes = std::vector<uint8_t>;

// Which of the bindings' exception types a failure becomes: HTCondorIOError (the network, the
// daemon's protocol or its refusal), HTCondorValueError (an argument that cannot be used),
// HTCondorInternalError (a bug in the library).
enum class ErrorKind { Io, Value, Internal };

struct Action {
  // Input: the operation waits for the caller's next input (a conversation: a transaction's
  // next calls, the next chunk of a file being uploaded); the host answers with onInput.
  enum class Kind { Idle, Connect, Send, Close, Timer, Result, Done, Failed, Input };
  Kind kind = Kind::Idle;
  int conn = 0;           // Connect, Send, Close
  std::string host;       // Connect
  uint16_t port = 0;      // Connect
  Bytes bytes;            // Send; Result when binary
  bool binary = false;    // Result: the item is `bytes`, not `text`
  double at = 0;          // Timer: wake me at this time (seconds, host clock)
  std::string text;       // Result: one result item; Failed: the error message
  ErrorKind errorKind = ErrorKind::Io;  // Failed
};

// What a suspended operation waits for; the host's callbacks fill it in.
struct Wait {
  enum class For { Nothing, Connect, Message, MessagePart, Timer, Input, Raw, Answer } what = For::Nothing;
  int conn = 0;
  size_t rawMax = 0;  // Raw: the most bytes wanted
};

class Io {
 public:
  // --- used by operations (through the awaitables below) ---
  int connect(std::string host, uint16_t port);
  void send(int conn, Bytes bytes);
  void close(int conn);
  void emit(std::string item);
  void emitBytes(Bytes item);
  void setDeadline(double at);
  // Installed between messages (crypto turned on or off); applies from the next packet read.
  void setReceiveTransform(int conn, std::shared_ptr<cedar::PacketTransform> transform);

  // --- used by the host ---
  Action poll();
  // The next action's bytes when it is a binary result too (a run of them crosses to the host
  // as one buffer; see the bindings), else nothing.
  std::optional<Bytes> pollMoreBytes();
  void onConnected(int conn);
  void onConnectFailed(int conn, std::string why);
  void onData(int conn, std::span<const uint8_t> bytes);
  void onClosed(int conn);
  void onTimer(double now);
  void onInput(Bytes input);
  // Time the operation spent waiting on its caller (paused for a slow reader, or waiting for
  // input) does not count against its deadline.
  void extendDeadline(double seconds);

  // --- state the awaitables read ---
  std::optional<std::string> failure;  // a connection or timeout error, for the waiting operation
  std::optional<Bytes> takeMessage(int conn);
  // What arrived of the current message since the last part (PacketDecoder::nextPart).
  std::optional<cedar::MessagePart> takeMessagePart(int conn);
  // Up to `max` unframed bytes (file data on an unencrypted stream); nullopt while none arrived.
  std::optional<Bytes> takeRaw(int conn, size_t max);
  std::optional<Bytes> takeInput();
  bool closed(int conn) const;
  bool connected(int conn) const;
  // The daemon sent something on the connection (whether or not it was taken yet).
  bool heard(int conn) const;
  void suspend(Wait wait, std::coroutine_handle<> handle);
  void finish(std::optional<std::string> error, ErrorKind kind = ErrorKind::Io);

 private:
  struct Connection {
    bool open = false, closed = false, heard = false;
    cedar::PacketDecoder decoder;
    // A message decoded to see whether the operation can go on, not yet taken. Decoding stays
    // lazy (one message at a time) so crypto switched on between messages applies to the next.
    std::optional<Bytes> ready;
    std::optional<cedar::MessagePart> part;  // the same for a message read in parts
    Bytes raw;  // unframed bytes taken while resuming a raw read, not yet handed over
  };
  bool decodeOne(Connection& c);
  bool decodePart(Connection& c);
  bool known(int conn) const;
  Connection& connection(int conn);
  void resumeIfReady();

  std::vector<Connection> connections_;
  std::deque<Action> actions_;
  std::deque<Bytes> inputs_;
  Wait waiting_;
  std::coroutine_handle<> suspended_;
  std::optional<double> deadline_;
  bool finished_ = false;
};

}  // namespace htcondor::ops
