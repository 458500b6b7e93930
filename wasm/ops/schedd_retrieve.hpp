// Schedd.retrieve (protocol doc commands-schedd-other 4.3): TRANSFER_DATA_WITH_PERMS with our
// version and a constraint; the schedd answers how many of the caller's jobs match, then per
// job its ad and one sandbox upload of the job's output (transfer/download.hpp), and finally
// takes our OK. Per job it emits
//   {"job":{"cluster":C,"proc":P,"iwd":I}}
// (the ad's submit-time values, SUBMIT_<name>, restored as the client library does), then
// that job's entries and file bytes.
#pragma once

#include <string>

#include "ops/command_connection.hpp"
#include "ops/task.hpp"

namespace htcondor::ops {

struct ScheddRetrieve {
  std::string address;
  std::string constraint;
  double deadline = 0;
};

Task scheddRetrieve(Io& io, security::SessionCache& sessions, SecurityOptions security, ScheddRetrieve request);

}  // namespace htcondor::ops
