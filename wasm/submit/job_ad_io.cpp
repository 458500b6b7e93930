// Standard input, output and error (SetStdin, SetStdout, SetStderr): the file names, and whether
// they are transferred or streamed.
#include "submit/job_ad_state.hpp"

namespace htcondor::submit::detail {

namespace {

struct StdFile {
  std::string_view transferKey;
  std::string_view transferAttr;
  std::string_view streamKey;
  std::string_view streamAttr;
  std::string_view key;
  std::string_view altKey;
  std::string_view attr;
};

void setStdFile(JobAdState& st, const StdFile& f) {
  bool transfer = st.lookupBool(f.transferAttr).value_or(true);
  bool mustSet = false;
  bool tmp = st.paramBool(f.transferKey, f.transferAttr, transfer);
  if (tmp != transfer) mustSet = true, transfer = tmp;
  bool stream = st.lookupBool(f.streamAttr).value_or(false);
  stream = st.paramBool(f.streamKey, f.streamAttr, stream);
  auto value = st.param(f.key, f.altKey);
  if (st.failed()) return;
  if (value || !st.lookup(f.attr)) {
    std::string file = value.value_or("");
    if (file.empty()) {
      transfer = false;
      stream = false;
      file = "/dev/null";
    } else if (file == "/dev/null") {
      transfer = false;
      stream = false;
    } else if (st.universe == kVm) {
      return st.fail("You cannot use input, ouput, and error parameters in the submit description file for vm universe");
    }
    st.assignString(f.attr, file);
  }
  if (transfer) {
    st.assignBool(f.streamAttr, stream);
    if (mustSet) st.assignBool(f.transferAttr, transfer);
  } else {
    st.assignBool(f.transferAttr, false);
  }
}

}  // namespace

void setStdFiles(JobAdState& st) {
  setStdFile(st, {"transfer_input", "TransferIn", "stream_input", "StreamIn", "input", "stdin", "In"});
  if (st.failed()) return;
  setStdFile(st, {"transfer_output", "TransferOut", "stream_output", "StreamOut", "output", "stdout", "Out"});
  if (st.failed()) return;
  setStdFile(st, {"transfer_error", "TransferErr", "stream_error", "StreamErr", "error", "stderr", "Err"});
}

}  // namespace htcondor::submit::detail
