// Schedd.spool (protocol doc commands-schedd-other 4.2): SPOOL_JOB_FILES_WITH_PERMS, our
// version and the job ids, then one sandbox upload per job (transfer/upload.hpp: the file
// bytes are asked of the caller as the upload goes), then the schedd's OK.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "ops/command_connection.hpp"
#include "ops/task.hpp"
#include "transfer/upload.hpp"

namespace htcondor::ops {

struct SpoolJob {
  std::int64_t cluster = 0;
  std::int64_t proc = 0;
  std::vector<transfer::UploadEntry> entries;  // the job's input sandbox, in sending order
};

struct ScheddSpool {
  std::string address;
  std::vector<SpoolJob> jobs;
  double deadline = 0;
};

// Read requests name jobs by their index in `jobs` and files by their index in `entries`.
Task scheddSpool(Io& io, security::SessionCache& sessions, SecurityOptions security, ScheddSpool request);

}  // namespace htcondor::ops
