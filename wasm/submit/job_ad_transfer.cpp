// File transfer (SetTransferFiles): should_transfer_files / when_to_transfer_output and their
// contradictions, the input and output lists, java's class and jar files, container images,
// and the sizes (DiskUsage, TransferInputSizeMB) of what is sent.
#include "submit/job_ad_state.hpp"

namespace htcondor::submit::detail {

namespace {

enum Should { kNo = 0, kYes = 1, kIfNeeded = 2, kBadShould = -1 };
enum When { kNever = 0, kOnExit = 1, kOnExitOrEvict = 2, kOnSuccess = 3, kBadWhen = -1 };

Should shouldNum(const std::string& s) {
  if (iequals(s, "YES") || iequals(s, "TRUE")) return kYes;
  if (iequals(s, "NO") || iequals(s, "FALSE")) return kNo;
  if (iequals(s, "IF_NEEDED")) return kIfNeeded;
  return kBadShould;
}
When whenNum(const std::string& s) {
  if (iequals(s, "ON_EXIT")) return kOnExit;
  if (iequals(s, "ON_EXIT_OR_EVICT")) return kOnExitOrEvict;
  if (iequals(s, "ON_SUCCESS")) return kOnSuccess;
  if (iequals(s, "NEVER")) return kNever;
  return kBadWhen;
}

// The wrapped "\nERROR: ..." text print_wrapped_text writes, as an error message.
void wrappedError(JobAdState& st, const std::string& text) {
  std::string wrapped = wrapText("\nERROR: " + text);
  st.fail(wrapped.substr(std::string("\nERROR: ").size()));
}

}  // namespace

void setTransferFiles(JobAdState& st) {
  std::vector<std::string> inputs, outputs;
  int64_t inputKb = 0;
  bool inSpecified = false, outSpecified = false;
  if (auto v = st.param("transfer_input_files", "TransferInputFiles")) {
    if (*v != "\"\"") inputs = splitList(*v, ",");
  }
  for (const auto& f : inputs) inputKb += st.imageSizeKb(f);
  inSpecified = !inputs.empty();
  // A container image that is a local file is sent as an input and named by its base name.
  if (st.isContainer) {
    if (auto image = st.lookupString("ContainerImage"); image && !isUrl(*image) && image->rfind("docker:", 0) != 0) {
      bool transferIt = st.lookupBool("TransferContainer").value_or(true);
      if (transferIt && (*image)[0] != '/') {
        inputs.push_back(*image);
        inputKb += st.imageSizeKb(*image);
        inSpecified = true;
        std::string base = *image;
        while (base.size() > 1 && base.back() == '/') base.pop_back();
        size_t slash = base.rfind('/');
        if (slash != std::string::npos) base = base.substr(slash + 1);
        st.assignString("ContainerImage", base);
        st.assignString("ContainerImageSource", "cedar");
      }
    }
  }
  if (auto image = st.lookupString("ContainerImage"); image && image->rfind("docker:", 0) == 0) st.assignString("ContainerImageSource", "docker");
  if (st.lookupBool("TransferIn").value_or(true)) {
    if (auto in = st.lookupString("In"); in && !in->empty()) inputKb += st.imageSizeKb(*in);
  }
  if (auto v = st.param("transfer_output_files", "TransferOutputFiles")) {
    if (*v == "\"\"") outSpecified = true;
    else outputs = splitList(*v, ","), outSpecified = !outputs.empty();
  }
  if (st.failed()) return;

  auto should = st.param("ShouldTransferFiles", "should_transfer_files");
  bool defaultShould = false;
  Should sv = kIfNeeded;
  if (!should) {
    should = "IF_NEEDED";
    defaultShould = true;
  } else if ((sv = shouldNum(*should)) == kBadShould) {
    return wrappedError(st, "invalid value (" + *should + ") for ShouldTransferFiles.  Please either specify YES, NO, or IF_NEEDED and try again.");
  }
  if (sv == kNo && (inSpecified || outSpecified)) {
    std::string msg = "you specified files you want Condor to transfer via \"";
    if (inSpecified) msg += outSpecified ? "transfer_input_files\" and \"transfer_output_files\"," : "transfer_input_files\",";
    else msg += "transfer_output_files\",";
    return wrappedError(st, msg + " but you disabled should_transfer_files.");
  }
  auto when = st.param("WhenToTransferOutput", "when_to_transfer_output");
  bool defaultWhen = !when;
  When wv = kOnExit;
  if (!when) when = "ON_EXIT";
  else if ((wv = whenNum(*when)) == kBadWhen)
    return wrappedError(st, "invalid value (" + *when + ") for WhenToTransferOutput.  Please either specify ON_EXIT, or ON_EXIT_OR_EVICT and try again.");
  if (!defaultShould && defaultWhen && sv == kNo) when = "NEVER", wv = kNever;
  if ((sv == kNo && wv != kNever) || (sv != kNo && wv == kNever))
    return wrappedError(st, "WhenToTransferOutput specified as " + *when + " yet ShouldTransferFiles defined as " + *should +
                                ".  Please remove this contradiction from your submit file and try again.");
  if (defaultShould && wv == kOnExitOrEvict && sv == kIfNeeded) sv = kYes;
  if (wv == kOnExitOrEvict && sv == kIfNeeded)
    return wrappedError(st, "\"when_to_transfer_output = ON_EXIT_OR_EVICT\" and \"should_transfer_files = IF_NEEDED\" are incompatible.  The behavior of these two settings together would produce incorrect file access in some cases.  Please decide which one of those two settings you're more interested in. If you really want \"IF_NEEDED\", set \"when_to_transfer_output = ON_EXIT\".  If you really want \"ON_EXIT_OR_EVICT\", please set \"should_transfer_files = YES\".  After you have corrected this incompatibility, please try running condor_submit again.\n");

  static const char* const shouldNames[] = {"NO", "YES", "IF_NEEDED"};
  static const char* const whenNames[] = {"NEVER", "ON_EXIT", "ON_EXIT_OR_EVICT", "ON_SUCCESS"};
  st.assignString("ShouldTransferFiles", shouldNames[sv]);
  if (sv != kNo) st.assignString("WhenToTransferOutput", whenNames[wv]);
  if (sv != kYes && !st.lookup("FileSystemDomain") && !st.facts.fileSystemDomain.empty())
    st.assignString("FileSystemDomain", st.facts.fileSystemDomain);

  if (sv != kNo && st.universe == kJava) {
    if (auto cmd = st.lookupString("Cmd"); cmd && *cmd != "java") {
      bool present = false;
      for (const auto& f : inputs) present = present || f == *cmd;
      // Sent and counted, but TransferInput is only written for listed inputs, as in 23.9.6.
      if (!present) inputs.push_back(*cmd), inputKb += st.imageSizeKb(*cmd);
    }
    if (auto jars = st.lookupString("JarFiles")) {
      for (const auto& jar : splitList(*jars, ",")) inputs.push_back(jar), inputKb += st.imageSizeKb(jar);
    }
    st.assignString("Cmd", "java");
    st.assignBool("TransferExecutable", false);
  }

  if (auto du = st.param("disk_usage", "DiskUsage")) {
    int64_t kb = 0;
    if (!parseInt64Bytes(*du, kb, 1024) || kb < 1) return st.fail("'" + *du + "' is not valid for disk_usage. It must be >= 1");
    st.assignInt("DiskUsage", kb);
  } else {
    int64_t exeKb = st.lookupInt("ExecutableSize").value_or(0);
    st.assignInt("TransferInputSizeMB", (exeKb + inputKb) / 1024);
    st.assignInt("DiskUsage", exeKb + inputKb);
  }

  if (sv != kNo) {
    if (inSpecified) st.assignString("TransferInput", join(inputs, ","));
    if (outSpecified) st.assignString("TransferOutput", join(outputs, ","));
  }
  if (sv == kNo && st.universe != kGrid && st.universe != kJava && st.universe != kVm) {
    if (st.paramBool("transfer_executable", "TransferExecutable", false))
      return wrappedError(st, "You explicitly requested that the executable be transfered, but for this to work, you must enable Condor's file transfer functionality.  You need to define either: \"when_to_transfer_output = ON_EXIT\" or \"when_to_transfer_output = ON_EXIT_OR_EVICT\".  Optionally, you can define \"should_transfer_files = IF_NEEDED\" if you do not want any files to be transfered if the job executes on a machine in the same FileSystemDomain.  See the Condor manual for more details.");
  }
  if (auto remaps = st.param("transfer_output_remaps", "TransferOutputRemaps")) {
    const std::string& r = *remaps;
    if (r.size() < 2 || r.front() != '"' || r.back() != '"') return st.fail("transfer_output_remaps must be a quoted string, not: " + r);
    st.assignString("TransferOutputRemaps", r.substr(1, r.size() - 2));
  }
}

}  // namespace htcondor::submit::detail
