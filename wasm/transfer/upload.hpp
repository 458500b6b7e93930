// The uploading side of one sandbox (FileTransfer::DoUpload as a client runs it for spooling):
// the header, each entry (directories before what they hold), Finished, and both
// acknowledgements. File bytes come from the operation's caller, chunk by chunk: for each
// chunk the upload emits a request
//   {"read":{"job":J,"file":F,"offset":O,"length":N}}
// and waits for exactly N bytes as input, so a file never sits whole in memory.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "ops/async.hpp"
#include "ops/command_connection.hpp"

namespace htcondor::transfer {

struct UploadEntry {
  std::string name;        // destination, relative to the sandbox ("dir/file" inside a directory sent before)
  bool directory = false;  // sent as Mkdir
  std::int64_t mode = 0;   // Unix permission bits; 0: the receiver keeps its default
  std::int64_t size = 0;   // bytes (files)
};

// `job` numbers the sandbox in the read requests; the sandbox goes to the spool (final_transfer 0).
ops::Async<Status<ops::Error>> uploadSandbox(ops::Io& io, ops::CommandConnection& c, std::int64_t job,
                                             const std::vector<UploadEntry>& entries);

}  // namespace htcondor::transfer
