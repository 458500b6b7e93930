#include "protocol/qmgmt_calls.hpp"

namespace htcondor::protocol {

namespace {

constexpr auto kLastKind = QmgmtCall::Kind::BeginTransaction;

void putNumber(std::vector<uint8_t>& out, int64_t value) {
  const auto bits = static_cast<uint64_t>(value);
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<uint8_t>(bits >> (8 * i)));
}

void putText(std::vector<uint8_t>& out, const std::string& value) {
  const auto length = static_cast<uint32_t>(value.size());
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<uint8_t>(length >> (8 * i)));
  out.insert(out.end(), value.begin(), value.end());
}

class Reader {
 public:
  explicit Reader(std::span<const uint8_t> bytes) : bytes_(bytes) {}
  bool atEnd() const { return pos_ == bytes_.size(); }
  bool take(std::size_t count) {
    if (bytes_.size() - pos_ < count) return false;
    pos_ += count;
    return true;
  }
  uint64_t le(std::size_t at, int width) const {
    uint64_t v = 0;
    for (int i = 0; i < width; ++i) v |= static_cast<uint64_t>(bytes_[at + static_cast<std::size_t>(i)]) << (8 * i);
    return v;
  }
  bool byte(uint8_t& out) {
    if (!take(1)) return false;
    out = bytes_[pos_ - 1];
    return true;
  }
  bool number(int64_t& out) {
    if (!take(8)) return false;
    out = static_cast<int64_t>(le(pos_ - 8, 8));
    return true;
  }
  bool text(std::string& out) {
    if (!take(4)) return false;
    const auto length = static_cast<std::size_t>(le(pos_ - 4, 4));
    const std::size_t start = pos_;
    if (!take(length)) return false;
    out.assign(reinterpret_cast<const char*>(bytes_.data()) + start, length);
    return true;
  }

 private:
  std::span<const uint8_t> bytes_;
  std::size_t pos_ = 0;
};

}  // namespace

QmgmtCallWriter& QmgmtCallWriter::add(const QmgmtCall& call) {
  bytes_.push_back(static_cast<uint8_t>(call.kind));
  putNumber(bytes_, call.cluster);
  putNumber(bytes_, call.proc);
  putNumber(bytes_, call.flags);
  putNumber(bytes_, call.number);
  putText(bytes_, call.name);
  putText(bytes_, call.value);
  putText(bytes_, call.text);
  return *this;
}

Result<std::vector<QmgmtCall>, std::string> readQmgmtCalls(std::span<const uint8_t> bytes) {
  std::vector<QmgmtCall> calls;
  Reader in(bytes);
  while (!in.atEnd()) {
    QmgmtCall call;
    uint8_t kind = 0;
    if (!in.byte(kind)) break;
    if (kind < 1 || kind > static_cast<uint8_t>(kLastKind)) return failure("unknown queue call " + std::to_string(kind));
    call.kind = static_cast<QmgmtCall::Kind>(kind);
    if (!in.number(call.cluster) || !in.number(call.proc) || !in.number(call.flags) || !in.number(call.number) ||
        !in.text(call.name) || !in.text(call.value) || !in.text(call.text))
      return failure(std::string("a queue call is cut short"));
    calls.push_back(std::move(call));
  }
  return calls;
}

}  // namespace htcondor::protocol
