// Names a peer gives for sandbox entries are paths relative to the sandbox; one that is absolute
// or climbs out with ".." is refused (FileTransfer::LegalPathInSandbox), so a hostile daemon
// cannot make a download write elsewhere.
#pragma once

#include <string_view>

namespace htcondor::transfer {

bool legalSandboxPath(std::string_view path);

}  // namespace htcondor::transfer
