// The coroutine type of operations, and the awaitables that suspend them until the host has
// reported what they wait for (ops/io.hpp).
#pragma once

#include <coroutine>
#include <exception>
#include <string>
#include <utility>

#include "core/result.hpp"
#include "ops/io.hpp"

namespace htcondor::ops {

// An operation's body. It starts when the host first polls and runs until its next wait;
// there is no result value: operations report through Io (emit, finish).
class Task {
 public:
  struct promise_type {
    Task get_return_object() { return Task(std::coroutine_handle<promise_type>::from_promise(*this)); }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() { std::terminate(); }  // the core does not throw
  };

  explicit Task(std::coroutine_handle<promise_type> handle) : handle_(handle) {}
  Task(Task&& other) noexcept : handle_(std::exchange(other.handle_, {})) {}
  Task& operator=(Task&&) = delete;
  Task(const Task&) = delete;
  ~Task() {
    if (handle_) handle_.destroy();
  }
  void start() { handle_.resume(); }
  bool done() const { return !handle_ || handle_.done(); }

 private:
  std::coroutine_handle<promise_type> handle_;
};

using Error = std::string;

// co_await connected(io, conn): the connection is up, or why it is not.
struct Connected {
  Io& io;
  int conn;
  bool await_ready() const { return io.connected(conn) || io.failure.has_value(); }
  void await_suspend(std::coroutine_handle<> h) { io.suspend({Wait::For::Connect, conn}, h); }
  Status<Error> await_resume() const {
    if (io.connected(conn)) return std::monostate{};
    return failure(io.failure.value_or("connection failed"));
  }
};

// co_await nextMessage(io, conn): the next complete CEDAR message, or why there is none.
struct NextMessage {
  Io& io;
  int conn;
  std::optional<Bytes> message{};
  bool await_ready() {
    message = io.takeMessage(conn);
    return message.has_value() || io.closed(conn) || io.failure.has_value();
  }
  void await_suspend(std::coroutine_handle<> h) { io.suspend({Wait::For::Message, conn}, h); }
  Result<Bytes, Error> await_resume() {
    if (!message) message = io.takeMessage(conn);
    if (message) return std::move(*message);
    if (io.failure) return failure(*io.failure);
    return failure(std::string("the daemon closed the connection"));
  }
};

// co_await nextMessagePart(io, conn): what arrived of the current message since the last part
// (some bytes, or its end), or why nothing more will.
struct NextMessagePart {
  Io& io;
  int conn;
  std::optional<cedar::MessagePart> part{};
  bool await_ready() {
    part = io.takeMessagePart(conn);
    return part.has_value() || io.closed(conn) || io.failure.has_value();
  }
  void await_suspend(std::coroutine_handle<> h) { io.suspend({Wait::For::MessagePart, conn}, h); }
  Result<cedar::MessagePart, Error> await_resume() {
    if (!part) part = io.takeMessagePart(conn);
    if (part) return std::move(*part);
    if (io.failure) return failure(*io.failure);
    return failure(std::string("the daemon closed the connection"));
  }
};

// co_await nextRaw(io, conn, max): up to `max` unframed bytes, or why there are none.
struct NextRaw {
  Io& io;
  int conn;
  size_t max;
  std::optional<Bytes> bytes{};
  bool await_ready() {
    bytes = io.takeRaw(conn, max);
    return bytes.has_value() || io.closed(conn) || io.failure.has_value();
  }
  void await_suspend(std::coroutine_handle<> h) { io.suspend({Wait::For::Raw, conn, max}, h); }
  Result<Bytes, Error> await_resume() {
    if (!bytes) bytes = io.takeRaw(conn, max);
    if (bytes) return std::move(*bytes);
    if (io.failure) return failure(*io.failure);
    return failure(std::string("the daemon closed the connection"));
  }
};

// co_await answered(io, conn): true once the daemon sent something, false if it closed the
// connection without a word, or why neither will happen (a timeout).
struct Answered {
  Io& io;
  int conn;
  bool await_ready() const { return io.heard(conn) || io.closed(conn) || io.failure.has_value(); }
  void await_suspend(std::coroutine_handle<> h) { io.suspend({Wait::For::Answer, conn}, h); }
  Result<bool, Error> await_resume() const {
    if (io.heard(conn)) return true;
    if (io.failure) return failure(*io.failure);
    return false;
  }
};

// co_await nextInput(io): the caller's next input (Action::Kind::Input asks the host for it).
struct NextInput {
  Io& io;
  std::optional<Bytes> input{};
  bool await_ready() {
    input = io.takeInput();
    return input.has_value();
  }
  void await_suspend(std::coroutine_handle<> h) { io.suspend({Wait::For::Input, 0}, h); }
  Bytes await_resume() {
    if (!input) input = io.takeInput();
    return std::move(*input);
  }
};

inline Answered answered(Io& io, int conn) { return {io, conn}; }
inline Connected connected(Io& io, int conn) { return {io, conn}; }
inline NextInput nextInput(Io& io) { return {io}; }
inline NextMessage nextMessage(Io& io, int conn) { return {io, conn}; }
inline NextMessagePart nextMessagePart(Io& io, int conn) { return {io, conn}; }
inline NextRaw nextRaw(Io& io, int conn, size_t max) { return {io, conn, max}; }

}  // namespace htcondor::ops
