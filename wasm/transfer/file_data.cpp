#include "transfer/file_data.hpp"

#include <algorithm>
#include <string>

#include "transfer/messages.hpp"
#include "transfer/transfer_protocol.hpp"

namespace htcondor::transfer {

std::size_t chunkSize(const ops::CommandConnection& c) { return c.encrypted() ? kEncryptedChunk : kPlainChunk; }

Status<ops::Error> sendFileHeader(ops::CommandConnection& c, std::int64_t mode, std::int64_t size) {
  if (auto sent = sendInt(c, mode); !sent) return sent;
  auto length = c.writer();
  length.putInt(size);
  if (c.encrypted()) length.putInt(static_cast<std::int64_t>(kEncryptedChunk));
  return c.send(std::move(length));
}

Status<ops::Error> sendFileData(ops::CommandConnection& c, ops::Bytes bytes) {
  if (!c.encrypted()) {
    c.sendRaw(std::move(bytes));
    return std::monostate{};
  }
  auto piece = c.writer();
  piece.putBytes(bytes);
  return c.send(std::move(piece));
}

Status<ops::Error> sendEmptyFileEnd(ops::CommandConnection& c) {
  return sendInt(c, kEmptyFileEnd);
}

ops::Async<Result<FileHeader, ops::Error>> receiveFileHeader(ops::CommandConnection& c) {
  FileHeader header;
  auto mode = co_await receiveInt(c, "file mode");
  if (!mode) co_return failure(mode.error());
  header.mode = *mode;
  auto message = co_await c.receive();
  if (!message) co_return failure("no file size: " + message.error());
  auto in = c.reader(*message);
  auto size = in.getInt64();
  if (!size || *size < 0) co_return failure(std::string("malformed file size"));
  // The chunk size an AES-GCM sender announces only bounds its messages; each is checked as it comes.
  if (c.encrypted()) {
    if (auto chunk = in.getInt64(); !chunk || *chunk <= 0) co_return failure(std::string("malformed file chunk size"));
  }
  header.size = *size;
  co_return header;
}

ops::Async<Result<ops::Bytes, ops::Error>> receiveFileData(ops::CommandConnection& c, std::int64_t remaining) {
  if (!c.encrypted()) {
    const auto want = static_cast<std::size_t>(std::min<std::int64_t>(remaining, kPlainChunk));
    auto raw = co_await c.receiveRaw(want);
    if (!raw) co_return failure("file data cut short: " + raw.error());
    co_return std::move(*raw);
  }
  auto message = co_await c.receive();
  if (!message) co_return failure("file data cut short: " + message.error());
  if (message->empty() || static_cast<std::int64_t>(message->size()) > remaining)
    co_return failure("a piece of file data of " + std::to_string(message->size()) + " bytes where " +
                      std::to_string(remaining) + " remained");
  co_return std::move(*message);
}

ops::Async<Status<ops::Error>> receiveEmptyFileEnd(ops::CommandConnection& c) {
  auto end = co_await receiveInt(c, "end of an empty file");
  if (!end) co_return failure(end.error());
  if (*end != kEmptyFileEnd) co_return failure("an empty file ended with " + std::to_string(*end) + ", not 666");
  co_return std::monostate{};
}

}  // namespace htcondor::transfer
