// Jobs submitted for spooling (Schedd.submit(spool=true)): they wait on hold until their input
// files are spooled, stay in the queue after completing so their output can be retrieved, and
// write stdout/stderr under fixed names in the spool that retrieval maps back to the names asked
// for (what the Python bindings do to each ad before sending it).
#pragma once

#include "classad/classad.hpp"

namespace htcondor::submit {

void holdForSpooling(classad::ClassAd& ad);

}  // namespace htcondor::submit
