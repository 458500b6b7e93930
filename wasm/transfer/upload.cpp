#include "transfer/upload.hpp"

#include <algorithm>
#include <utility>

#include "cedar/classad_wire.hpp"
#include "transfer/file_data.hpp"
#include "transfer/go_ahead.hpp"
#include "transfer/messages.hpp"
#include "transfer/transfer_ads.hpp"
#include "transfer/transfer_protocol.hpp"

namespace htcondor::transfer {

namespace {

std::string readRequest(std::int64_t job, std::size_t file, std::int64_t offset, std::size_t length) {
  return "{\"read\":{\"job\":" + std::to_string(job) + ",\"file\":" + std::to_string(file) +
         ",\"offset\":" + std::to_string(offset) + ",\"length\":" + std::to_string(length) + "}}";
}

// The file's bytes, asked of the caller a chunk at a time and sent as they come.
ops::Async<Status<ops::Error>> sendFile(ops::Io& io, ops::CommandConnection& c, std::int64_t job, std::size_t index,
                                        const UploadEntry& file) {
  if (auto sent = sendFileHeader(c, file.mode, file.size); !sent) co_return sent;
  if (file.size == 0) co_return sendEmptyFileEnd(c);
  for (std::int64_t offset = 0; offset < file.size;) {
    const auto length = static_cast<std::size_t>(std::min<std::int64_t>(file.size - offset, chunkSize(c)));
    io.emit(readRequest(job, index, offset, length));
    ops::Bytes piece = co_await ops::nextInput(io);
    if (piece.size() != length)
      co_return failure("reading " + file.name + " gave " + std::to_string(piece.size()) + " bytes at offset " +
                        std::to_string(offset) + " where " + std::to_string(length) + " were expected");
    if (auto sent = sendFileData(c, std::move(piece)); !sent) co_return sent;
    offset += static_cast<std::int64_t>(length);
  }
  co_return std::monostate{};
}

}  // namespace

ops::Async<Status<ops::Error>> uploadSandbox(ops::Io& io, ops::CommandConnection& c, std::int64_t job,
                                             const std::vector<UploadEntry>& entries) {
  std::int64_t sandboxSize = 0;
  for (const auto& entry : entries) sandboxSize += entry.size;
  auto header = c.writer();
  header.putInt(0);  // final_transfer: no, into the spool
  if (auto put = cedar::putClassAd(header, *transferInfoAd(sandboxSize)); !put) co_return failure(put.error().message);
  if (auto sent = c.send(std::move(header)); !sent) co_return sent;

  GoAheadState goAhead;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const auto& entry = entries[i];
    if (auto sent = sendInt(c, static_cast<std::int64_t>(entry.directory ? Command::Mkdir : Command::XferFile)); !sent)
      co_return sent;
    auto name = c.writer();
    name.putString(entry.name);
    if (auto sent = c.send(std::move(name)); !sent) co_return sent;
    if (auto granted = co_await exchangeGoAhead(c, goAhead, false); !granted) co_return granted;
    if (entry.directory) {
      if (auto sent = sendInt(c, entry.mode); !sent) co_return sent;
      continue;
    }
    if (auto sent = co_await sendFile(io, c, job, i, entry); !sent) co_return sent;
  }

  if (auto sent = sendInt(c, static_cast<std::int64_t>(Command::Finished)); !sent) co_return sent;
  // HTCondor counts directories among the files it moved by CEDAR.
  if (auto sent = c.sendAd(*successAckAd(static_cast<std::int64_t>(entries.size()))); !sent) co_return sent;
  auto ack = co_await receiveAd(c, "acknowledgement of the upload");
  if (!ack) co_return failure(ack.error());
  if (auto accepted = checkAck(**ack); !accepted) co_return failure(accepted.error());
  co_return std::monostate{};
}

}  // namespace htcondor::transfer
