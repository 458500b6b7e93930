// The downloading side of one sandbox (FileTransfer::DoDownload as a client runs it for the
// final output): the header, each entry, Finished, the uploader's acknowledgement, ours. It
// emits, per entry,
//   {"mkdir":{"name":N,"path":P,"mode":M}}   or
//   {"file":{"name":N,"path":P,"mode":M,"size":S}}  then the file's bytes as binary items,
// where N is the name the daemon sent and P where it goes after TransferOutputRemaps (relative
// to the job's Iwd unless absolute). The bytes stream out as they arrive.
#pragma once

#include <cstdint>
#include <string_view>

#include "ops/async.hpp"
#include "ops/command_connection.hpp"

namespace htcondor::transfer {

// Succeeds with the number of entries moved.
ops::Async<Result<std::int64_t, ops::Error>> downloadSandbox(ops::Io& io, ops::CommandConnection& c,
                                                             std::string_view remaps);

}  // namespace htcondor::transfer
