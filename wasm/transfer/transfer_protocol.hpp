// HTCondor's file-transfer protocol (FileTransfer::DoUpload/DoDownload, protocol doc
// commands-schedd-other 4.4): the numbers on the wire. One sandbox moves over an open command
// socket: a header, then per file a command, its name, the go-ahead (until both sides said
// "always"), its mode and size and bytes; then Finished and an acknowledgement each way.
#pragma once

#include <cstddef>
#include <cstdint>

namespace htcondor::transfer {

// What precedes each entry of a sandbox (TransferCommand in file_transfer.cpp).
enum class Command : std::int64_t {
  Finished = 0,
  XferFile = 1,
  EnableEncryption = 2,  // a file sent with crypto on: AES-GCM streams always are
  DisableEncryption = 3, // a file sent with crypto off: impossible on AES-GCM streams
  XferX509 = 4,
  DownloadUrl = 5,
  Mkdir = 6,
  Other = 999,           // a ClassAd with SubCommand follows instead of data
};

// Other's SubCommand: 7 reports an output the peer uploaded to a URL itself.
inline constexpr std::int64_t kSubCommandUploadUrl = 7;

// Go-ahead ad Result values (GO_AHEAD_*).
inline constexpr std::int64_t kGoAheadFailed = -1;
inline constexpr std::int64_t kGoAheadPending = 0;
inline constexpr std::int64_t kGoAheadAlways = 2;

// The alive interval a side announces when it asks for a go-ahead (the minimum HTCondor uses).
inline constexpr std::int64_t kAliveInterval = 300;

// F4: the mode word. 0 means "do not chmod"; this bit means the sender's file was missing.
inline constexpr std::int64_t kNullFilePermissions = 0;
inline constexpr std::int64_t kMissingFilePermissions = std::int64_t{1} << 24;

// A zero-length file ends with this int instead of data (PUT_FILE_EOM_NUM).
inline constexpr std::int64_t kEmptyFileEnd = 666;

// Bytes per piece of file data: each is one CEDAR message on an AES-GCM stream
// (AES_FILE_BUF_SZ); raw on a plaintext stream (OLD_FILE_BUF_SZ).
inline constexpr std::size_t kEncryptedChunk = 262144;
inline constexpr std::size_t kPlainChunk = 65536;

// The schedd's final answer to SPOOL_JOB_FILES (OK).
inline constexpr std::int64_t kSpoolOk = 1;

}  // namespace htcondor::transfer
