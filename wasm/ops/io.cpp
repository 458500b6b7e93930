#include "ops/io.hpp"

#include <utility>

namespace htcondor::ops {

namespace {

Action action(Action::Kind kind, int conn = 0) {
  Action a;
  a.kind = kind;
  a.conn = conn;
  return a;
}

}  // namespace

// Reports about connections the operation never opened are the host's mistake: ignored.
bool Io::known(int conn) const { return conn >= 0 && static_cast<size_t>(conn) < connections_.size(); }

Io::Connection& Io::connection(int conn) { return connections_.at(static_cast<size_t>(conn)); }

int Io::connect(std::string host, uint16_t port) {
  connections_.emplace_back();
  const int conn = static_cast<int>(connections_.size()) - 1;
  Action a = action(Action::Kind::Connect, conn);
  a.host = std::move(host);
  a.port = port;
  actions_.push_back(std::move(a));
  return conn;
}

void Io::send(int conn, Bytes bytes) {
  Action a = action(Action::Kind::Send, conn);
  a.bytes = std::move(bytes);
  actions_.push_back(std::move(a));
}

void Io::close(int conn) {
  connection(conn).closed = true;
  actions_.push_back(action(Action::Kind::Close, conn));
}

void Io::emit(std::string item) {
  Action a = action(Action::Kind::Result);
  a.text = std::move(item);
  actions_.push_back(std::move(a));
}

void Io::emitBytes(Bytes item) {
  Action a = action(Action::Kind::Result);
  a.bytes = std::move(item);
  a.binary = true;
  actions_.push_back(std::move(a));
}

void Io::setDeadline(double at) {
  deadline_ = at;
  Action a = action(Action::Kind::Timer);
  a.at = at;
  actions_.push_back(std::move(a));
}

void Io::setReceiveTransform(int conn, std::shared_ptr<cedar::PacketTransform> transform) {
  connection(conn).decoder.setTransform(std::move(transform));
}

void Io::finish(std::optional<std::string> error, ErrorKind kind) {
  finished_ = true;
  for (size_t conn = 0; conn < connections_.size(); ++conn) {
    if (!connections_[conn].closed) close(static_cast<int>(conn));
  }
  Action end = action(error ? Action::Kind::Failed : Action::Kind::Done);
  if (error) {
    end.text = std::move(*error);
    end.errorKind = kind;
  }
  actions_.push_back(std::move(end));
}

Action Io::poll() {
  if (actions_.empty()) return {};
  Action next = std::move(actions_.front());
  actions_.pop_front();
  return next;
}

std::optional<Bytes> Io::pollMoreBytes() {
  if (actions_.empty() || actions_.front().kind != Action::Kind::Result || !actions_.front().binary) return std::nullopt;
  Bytes bytes = std::move(actions_.front().bytes);
  actions_.pop_front();
  return bytes;
}

void Io::suspend(Wait wait, std::coroutine_handle<> handle) {
  waiting_ = wait;
  suspended_ = handle;
  if (wait.what == Wait::For::Input) actions_.push_back(action(Action::Kind::Input));
}

// Resumes the operation when what it waits for has happened (or failed).
void Io::resumeIfReady() {
  if (!suspended_ || finished_) return;
  // A wait for input ends with input only; a failure meanwhile meets the next network wait.
  bool ready = waiting_.what == Wait::For::Input ? !inputs_.empty() : failure.has_value();
  if (!ready && waiting_.what == Wait::For::Connect) ready = connected(waiting_.conn);
  if (!ready && waiting_.what == Wait::For::Message) {
    Connection& c = connection(waiting_.conn);
    ready = decodeOne(c) || c.closed || failure.has_value();
  }
  if (!ready && waiting_.what == Wait::For::MessagePart) {
    Connection& c = connection(waiting_.conn);
    ready = decodePart(c) || c.closed || failure.has_value();
  }
  if (!ready && waiting_.what == Wait::For::Answer) {
    const Connection& c = connection(waiting_.conn);
    ready = c.heard || c.closed;
  }
  if (!ready && waiting_.what == Wait::For::Raw) {
    Connection& c = connection(waiting_.conn);
    if (c.raw.empty()) c.raw = c.decoder.takeRaw(waiting_.rawMax);
    ready = !c.raw.empty() || c.closed;
  }
  if (!ready) return;
  auto handle = suspended_;
  suspended_ = {};
  waiting_ = {};
  handle.resume();
}

void Io::onConnected(int conn) {
  if (!known(conn)) return;
  connection(conn).open = true;
  resumeIfReady();
}

void Io::onConnectFailed(int conn, std::string why) {
  if (!known(conn)) return;
  connection(conn).closed = true;
  failure = std::move(why);
  resumeIfReady();
}

void Io::onData(int conn, std::span<const uint8_t> bytes) {
  if (!known(conn)) return;
  Connection& c = connection(conn);
  c.heard = c.heard || !bytes.empty();
  c.decoder.feed(bytes);
  resumeIfReady();
}

void Io::onClosed(int conn) {
  if (!known(conn)) return;
  connection(conn).closed = true;
  resumeIfReady();
}

void Io::onInput(Bytes input) {
  inputs_.push_back(std::move(input));
  resumeIfReady();
}

void Io::extendDeadline(double seconds) {
  if (!deadline_ || finished_ || seconds <= 0) return;
  *deadline_ += seconds;
  Action again = action(Action::Kind::Timer);
  again.at = *deadline_;
  actions_.push_back(std::move(again));
}

std::optional<Bytes> Io::takeInput() {
  if (inputs_.empty()) return std::nullopt;
  Bytes next = std::move(inputs_.front());
  inputs_.pop_front();
  return next;
}

void Io::onTimer(double now) {
  // A conversation waiting for its caller is not timed: each input sets the next deadline.
  if (!deadline_ || finished_ || waiting_.what == Wait::For::Input) return;
  if (now < *deadline_) {
    // Host timers may fire a little early by the host's own clock: ask to be woken again.
    Action again = action(Action::Kind::Timer);
    again.at = *deadline_;
    actions_.push_back(std::move(again));
    return;
  }
  failure = "timed out";
  resumeIfReady();
}

namespace {

// Decodes into `slot` unless something already waits there; a decoding error becomes the
// operation's failure. Whether something is ready.
template <typename T, typename Decode>
bool decodeInto(std::optional<T>& slot, std::optional<std::string>& failure, Decode decode) {
  if (slot) return true;
  auto next = decode();
  if (!next) {
    failure = next.error().message;
    return false;
  }
  slot = std::move(*next);
  return slot.has_value();
}

}  // namespace

bool Io::decodeOne(Connection& c) { return decodeInto(c.ready, failure, [&] { return c.decoder.next(); }); }

bool Io::decodePart(Connection& c) { return decodeInto(c.part, failure, [&] { return c.decoder.nextPart(); }); }

std::optional<cedar::MessagePart> Io::takeMessagePart(int conn) {
  Connection& c = connection(conn);
  if (!decodePart(c)) return std::nullopt;
  return std::exchange(c.part, std::nullopt);
}

std::optional<Bytes> Io::takeMessage(int conn) {
  Connection& c = connection(conn);
  if (!decodeOne(c)) return std::nullopt;
  return std::exchange(c.ready, std::nullopt);
}

std::optional<Bytes> Io::takeRaw(int conn, size_t max) {
  Connection& c = connection(conn);
  if (c.raw.empty()) c.raw = c.decoder.takeRaw(max);
  if (c.raw.empty()) return std::nullopt;
  return std::exchange(c.raw, {});
}

bool Io::closed(int conn) const { return connections_.at(static_cast<size_t>(conn)).closed; }
bool Io::connected(int conn) const { return connections_.at(static_cast<size_t>(conn)).open; }
bool Io::heard(int conn) const { return connections_.at(static_cast<size_t>(conn)).heard; }

}  // namespace htcondor::ops
