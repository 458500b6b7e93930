#include "transfer/download.hpp"

#include <optional>
#include <string>
#include <utility>

#include "cedar/classad_wire.hpp"
#include "classad/typed_json.hpp"
#include "transfer/file_data.hpp"
#include "transfer/go_ahead.hpp"
#include "transfer/messages.hpp"
#include "transfer/output_remaps.hpp"
#include "transfer/sandbox_path.hpp"
#include "transfer/transfer_ads.hpp"
#include "transfer/transfer_protocol.hpp"

namespace htcondor::transfer {

namespace {

std::string entryItem(const char* kind, const std::string& name, const std::string& path, std::int64_t mode,
                      std::optional<std::int64_t> size) {
  std::string item = std::string("{\"") + kind + "\":{\"name\":" + classad::jsonString(name) +
                     ",\"path\":" + classad::jsonString(path) + ",\"mode\":" + std::to_string(mode);
  if (size) item += ",\"size\":" + std::to_string(*size);
  return item + "}}";
}

// A file's bytes, emitted as they arrive; a file the sender found missing is read and dropped.
ops::Async<Status<ops::Error>> receiveFile(ops::Io& io, ops::CommandConnection& c, const std::string& name,
                                           const std::string& path) {
  auto header = co_await receiveFileHeader(c);
  if (!header) co_return failure(header.error());
  const bool missing = header->mode == kMissingFilePermissions;
  if (!missing) io.emit(entryItem("file", name, path, header->mode, header->size));
  for (std::int64_t remaining = header->size; remaining > 0;) {
    auto piece = co_await receiveFileData(c, remaining);
    if (!piece) co_return failure(piece.error());
    remaining -= static_cast<std::int64_t>(piece->size());
    if (!missing) io.emitBytes(std::move(*piece));
  }
  if (header->size == 0) co_return co_await receiveEmptyFileEnd(c);
  co_return std::monostate{};
}

}  // namespace

ops::Async<Result<std::int64_t, ops::Error>> downloadSandbox(ops::Io& io, ops::CommandConnection& c,
                                                             std::string_view remaps) {
  {
    auto message = co_await c.receive();
    if (!message) co_return failure("no sandbox header: " + message.error());
    auto in = c.reader(*message);
    if (auto final = in.getInt64(); !final) co_return failure("malformed sandbox header: " + final.error().message);
    if (auto info = cedar::getClassAd(in); !info)
      co_return failure("malformed sandbox header: " + info.error().message);
  }
  GoAheadState goAhead;
  std::int64_t entries = 0;
  for (;;) {
    auto command = co_await receiveInt(c, "transfer command");
    if (!command) co_return failure(command.error());
    const auto kind = static_cast<Command>(*command);
    if (kind == Command::Finished) break;
    // AES-GCM streams are always encrypted, so commands 2 and 3 change nothing there; a
    // plaintext stream has no key to turn on.
    if (kind == Command::EnableEncryption && !c.encrypted())
      co_return failure(std::string("the daemon sent an encrypted file on a connection without a session key"));
    auto nameMessage = co_await c.receive();
    if (!nameMessage) co_return failure("no file name: " + nameMessage.error());
    auto nameIn = c.reader(*nameMessage);
    auto name = nameIn.getString();
    if (!name) co_return failure("malformed file name: " + name.error().message);
    if (!legalSandboxPath(*name)) co_return failure("the daemon sent an illegal sandbox path: " + *name);
    if (auto granted = co_await exchangeGoAhead(c, goAhead, true); !granted) co_return failure(granted.error());
    auto remapped = remapOutput(remaps, *name);
    if (!remapped) co_return failure(remapped.error());
    const std::string path = remapped->value_or(*name);

    switch (kind) {
      case Command::XferFile:
      case Command::EnableEncryption:
      case Command::DisableEncryption: {
        if (auto got = co_await receiveFile(io, c, *name, path); !got) co_return failure(got.error());
        break;
      }
      case Command::Mkdir: {
        auto mode = co_await receiveInt(c, "directory mode");
        if (!mode) co_return failure(mode.error());
        io.emit(entryItem("mkdir", *name, path, *mode, std::nullopt));
        break;
      }
      case Command::Other: {
        // An output the daemon sent to a URL itself: nothing comes here.
        auto info = co_await receiveAd(c, "transfer report");
        if (!info) co_return failure(info.error());
        if (auto reported = checkUrlUploadReport(**info); !reported) co_return failure(reported.error());
        break;
      }
      default:
        co_return failure("the daemon sent transfer command " + std::to_string(*command) +
                          ", which a client downloading output does not take");
    }
    ++entries;
  }

  auto theirs = co_await receiveAd(c, "acknowledgement of the download");
  if (!theirs) co_return failure(theirs.error());
  auto sent = checkAck(**theirs);
  if (auto ours = c.sendAd(*successAckAd(entries)); !ours) co_return failure(ours.error());
  if (!sent) co_return failure(sent.error());
  co_return entries;
}

}  // namespace htcondor::transfer
