// One file's data on the wire (ReliSock::put_file_with_permissions / get_file_with_permissions):
// a message with its mode, a message with its size (and, on an AES-GCM stream, the chunk size),
// then the bytes: raw on a plaintext stream, one CEDAR message per chunk on an AES-GCM stream;
// a zero-length file ends with a message holding 666 instead.
#pragma once

#include <cstddef>
#include <cstdint>

#include "ops/async.hpp"
#include "ops/command_connection.hpp"

namespace htcondor::transfer {

// The most bytes one piece of file data carries on this connection.
std::size_t chunkSize(const ops::CommandConnection& c);

Status<ops::Error> sendFileHeader(ops::CommandConnection& c, std::int64_t mode, std::int64_t size);
Status<ops::Error> sendFileData(ops::CommandConnection& c, ops::Bytes bytes);
Status<ops::Error> sendEmptyFileEnd(ops::CommandConnection& c);

struct FileHeader {
  std::int64_t mode = 0;
  std::int64_t size = 0;
};

ops::Async<Result<FileHeader, ops::Error>> receiveFileHeader(ops::CommandConnection& c);
// The next piece of a file of which `remaining` bytes are still to come (never more than that).
ops::Async<Result<ops::Bytes, ops::Error>> receiveFileData(ops::CommandConnection& c, std::int64_t remaining);
ops::Async<Status<ops::Error>> receiveEmptyFileEnd(ops::CommandConnection& c);

}  // namespace htcondor::transfer
