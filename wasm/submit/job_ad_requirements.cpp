// The Requirements expression (SetRequirements): the description's requirements, then the clauses
// condor_submit appends for what the job asks for and what the expression does not already check
// (architecture, OS, disk, memory, cpus, custom resources, file transfer, deferral, ...).
#include "classad/references.hpp"
#include "submit/job_ad_state.hpp"

namespace htcondor::submit::detail {

namespace {

bool mightTransfer(int u) { return u == kVanilla || u == kMpi || u == kParallel || u == kJava || u == kVm; }

// The machine attributes `expr` refers to (GetExprReferences' external references, trimmed of
// TARGET./OTHER.).
classad::References machineRefs(ExprCache& exprs, const std::string& expr) {
  classad::References out;
  if (expr.empty()) return out;
  auto tree = exprs.parse(expr);
  if (!tree) return out;
  auto reqAdPtr = std::make_shared<classad::ClassAd>();
  classad::ClassAd& reqAd = *reqAdPtr;
  reqAd.insert("RequestMemory", std::make_shared<classad::Literal>(classad::Value::integer(0)));
  reqAd.insert("VM_CkptMac", std::make_shared<classad::Literal>(classad::Value::string("")));
  classad::References ext;
  classad::externalReferences(reqAd, *tree, ext);
  for (std::string name : ext) {
    if (istartsWith(name, "target.")) name = name.substr(7);
    else if (istartsWith(name, "other.")) name = name.substr(6);
    else if (istartsWith(name, "my.")) continue;
    if (name.find('.') != std::string::npos) name = name.substr(0, name.find('.'));
    out.insert(name);
  }
  return out;
}

std::string urlType(const std::string& url) { return lower(url.substr(0, url.find("://"))); }

}  // namespace

void setRequirements(JobAdState& st) {
  std::string answer;
  auto orig = st.param("requirements");
  if (orig) answer = "(" + *orig + ")";
  auto my = st.param("MY.Requirements");
  if (!my) my = st.param("+Requirements");
  if (st.failed()) return;
  if (my) {
    if (orig) st.warn("Use of MY.Requirements or +Requirements  overrides requirements. You should remove one of these statements from your submit file.");
    return;
  }
  std::string append = st.universe == kVanilla && !st.facts.appendReqVanilla.empty() ? st.facts.appendReqVanilla : st.facts.appendRequirements;
  if (!append.empty()) answer += (answer.empty() ? "(" : " && (") + append + ")";
  if (st.universe == kGrid && !iequals(st.gridType, "condor")) {
    st.assignExpr("Requirements", answer.empty() ? "TRUE" : answer);
    return;
  }
  const auto refs = machineRefs(st.exprs, answer);
  auto has = [&](const char* n) { return refs.count(n) > 0; };
  bool checksArch = has("Arch");
  bool checksOpsys = st.isContainer || st.isDocker || has("OpSys") || has("OpSysAndVer") || has("OpSysLongName") || has("OpSysShortName") || has("OpSysName") ||
                     has("OpSysLegacy");
  bool checksFsDomain = false, checksFileTransfer = false, checksPluginMethods = false, checksPerFileEncryption = false;
  if (mightTransfer(st.universe)) {
    checksFsDomain = has("FileSystemDomain");
    checksFileTransfer = has("HasFileTransfer") || has("HasJobTransferPlugins");
    checksPluginMethods = has("HasFileTransferPluginMethods");
    checksPerFileEncryption = has("HasPerFileEncryption");
  }
  auto andClause = [&](const std::string& c) { answer += (answer.empty() ? "" : " && ") + c; };
  const std::string archClause = "(TARGET.Arch == \"" + st.facts.arch + "\")";
  if (st.universe == kJava) {
    andClause("TARGET.HasJava");
  } else if (st.universe == kVm) {
    if (!checksArch) andClause(archClause);
    if (!has("HasVM")) answer += "&& (TARGET.HasVM =?= true)";
    if (!has("VM_Type")) answer += " && (TARGET.VM_Type == MY.JobVMType)";
    if (!has("VM_AvailNum")) answer += " && (TARGET.VM_AvailNum > 0)";
  } else if (st.isDocker) {
    if (!checksArch) andClause(archClause);
    andClause("TARGET.HasDocker");
    auto net = st.lookupString("DockerNetworkType").value_or("");
    if (!net.empty() && net != "host" && net != "none" && net != "nat") answer += "&& StringListMember(My.DockerNetworkType, TARGET.DockerNetworks)";
  } else if (st.isContainer) {
    if (!checksArch) andClause(archClause);
    andClause("TARGET.HasContainer");
    if (st.lookup("DockerImage")) {
      answer += "&& TARGET.HasDockerURL";
    } else if (auto image = st.lookupString("ContainerImage")) {
      std::string t = trim(*image);
      if (t.rfind("docker:", 0) == 0) answer += "&& TARGET.HasDockerURL";
      else if (t.size() >= 4 && t.compare(t.size() - 4, 4, ".sif") == 0) answer += "&& TARGET.HasSIF";
      else answer += "&& TARGET.HasSandboxImage";
    }
  } else {
    if (!checksArch) andClause(archClause);
    if (!checksOpsys) answer += " && (TARGET.OpSys == \"" + st.facts.opsys + "\")";
  }

  if (!has("Disk")) {
    if (auto disk = st.lookup("RequestDisk")) {
      double d = 0;
      if (!isLiteralNumber(*disk, d) || d > 0.0) answer += " && (TARGET.Disk >= RequestDisk)";
    } else if (st.universe == kVm) {
      answer += " && (TARGET.TotalDisk >= DiskUsage)";
    } else {
      answer += " && (TARGET.Disk >= DiskUsage)";
    }
  } else if (st.universe != kVm) {
    if (st.lookup("RequestDisk")) answer += " && (TARGET.Disk >= RequestDisk)";
    if (st.facts.enableDeprecationWarnings)
      st.warn("Your Requirements expression refers to TARGET.Disk. This is obsolete. Set request_disk and condor_submit will modify the Requirements expression as needed.");
  }
  if (st.universe == kVm) {
    answer += " && (TARGET.TotalMemory >= MY.VM_Memory)";
    if (!has("VM_Memory")) answer += " && (TARGET.VM_Memory >= MY.VM_Memory)";
  } else {
    if (auto mem = st.lookup("RequestMemory")) {
      double m = 0;
      if (!isLiteralNumber(*mem, m) || m > 1.0) answer += " && (TARGET.Memory >= RequestMemory)";
    }
    if (has("Memory") && st.facts.enableDeprecationWarnings)
      st.warn("your Requirements expression refers to TARGET.Memory. This is obsolete. Set request_memory and condor_submit will modify the Requirements expression as needed.");
  }
  if (st.universe != kGrid && !has("Cpus")) {
    if (auto cpus = st.lookup("RequestCpus")) {
      double c = 0;
      if (!isLiteralNumber(*cpus, c) || c > 1.0) answer += " && (TARGET.Cpus >= RequestCpus)";
    }
  }
  // Custom resources: every Request<tag> other than cpus, disk and memory.
  classad::References tags;
  for (const auto& [name, _] : st.ad.attributes())
    if (name.size() >= 9 && istartsWith(name, "Request") && name[7] != '_') tags.insert(name);
  for (const char* builtin : {"RequestCpus", "RequestDisk", "RequestMemory"}) tags.erase(builtin);
  for (const auto& attr : tags) {
    std::string tag = attr.substr(7);
    if (refs.count(tag)) continue;
    auto tree = st.lookup(attr);
    std::optional<classad::Value> v;
    if (tree->kind() == classad::ExprTree::Kind::Literal) v = static_cast<const classad::Literal&>(*tree).value();
    if (!v || v->isNumber() || v->isUndefined()) {
      if (v && v->isNumber() && v->numberAsReal() <= 0) continue;
      std::string require = "Require" + tag;
      if (st.lookup(require)) {
        answer += " && (countMatches(MY." + require + ",TARGET.Available" + tag + ") >= " + attr + ")";
        st.hasRequireResAttr = true;
      } else {
        answer += " && (TARGET." + tag + " >= " + attr + ")";
      }
    } else if (v->isString() && !v->asString().empty()) {
      answer += " && regexp(" + attr + ", TARGET." + tag + ")";
    }
  }
  if (!has("HasTDP") && st.lookup("ToolDaemonCmd")) answer += " && TARGET.HasTDP";
  if (!has("HasEncryptExecuteDirectory") && st.lookupBool("EncryptExecuteDirectory").value_or(false)) answer += " && TARGET.HasEncryptExecuteDirectory";
  if (st.universe == kMpi && !has("HasMPI")) answer += " && TARGET.HasMPI";

  if (mightTransfer(st.universe)) {
    std::string xferCheck = "TARGET.HasFileTransfer";
    std::string cryptCheck;
    if (!checksPerFileEncryption && (st.lookup("EncryptInputFiles") || st.lookup("EncryptOutputFiles") || st.lookup("DontEncryptInputFiles") || st.lookup("DontEncryptOutputFiles")))
      cryptCheck = " && TARGET.HasPerFileEncryption";
    std::string should = st.lookupString("ShouldTransferFiles").value_or("IF_NEEDED");
    const std::string domainCheck = "(TARGET.FileSystemDomain == MY.FileSystemDomain)";
    if (iequals(should, "NO")) {
      if (!checksFsDomain) answer += " && " + domainCheck;
    } else if (!checksFileTransfer) {
      std::string joinOp = " && (", closeOp = ")";
      if (iequals(should, "IF_NEEDED") && !checksFsDomain) {
        answer += joinOp + domainCheck;
        joinOp = " || (";
        closeOp = "))";
      }
      std::string plugins = st.lookupString("TransferPlugins").value_or("");
      if (!plugins.empty()) xferCheck = "TARGET.HasJobTransferPlugins";
      answer += joinOp + xferCheck + cryptCheck;
      bool versionCheck = st.lookup("TransferCheckpoint") != nullptr || st.lookupBool("PreserveRelativePaths").value_or(false);
      if (auto w = st.lookupString("WhenToTransferOutput"); w && iequals(*w, "ON_SUCCESS")) versionCheck = true;
      if (versionCheck) answer += " && versioncmp( split(TARGET.CondorVersion)[1], \"8.9.7\" ) >= 0";
      classad::References jobMethods, methods;
      for (const auto& plug : splitList(plugins, ";")) {
        size_t eq = plug.find('=');
        if (eq != std::string::npos)
          for (const auto& m : splitList(plug.substr(0, eq))) jobMethods.insert(m);
      }
      auto addUrl = [&](const std::string& file) {
        if (isUrl(file) && !jobMethods.count(urlType(file))) methods.insert(urlType(file));
      };
      if (auto in = st.lookupString("TransferInput"))
        for (const auto& f : splitList(*in, ",")) addUrl(f);
      if (auto dest = st.lookupString("OutputDestination")) addUrl(*dest);
      if (auto remaps = st.lookupString("TransferOutputRemaps"))
        for (const auto& r : splitList(*remaps, ";"))
          if (size_t eq = r.find('='); eq != std::string::npos) addUrl(trim(r.substr(eq + 1)));
      std::string want;
      for (const auto& m : methods) {
        want += (want.empty() ? "" : ",") + m;
        if (checksPluginMethods) continue;
        answer += " && stringListIMember(\"" + m + "\",TARGET.HasFileTransferPluginMethods)";
        if (st.facts.signS3Urls && (iequals(m, "s3") || iequals(m, "gs"))) {
          bool present = true;
          if (!st.lookup("EC2AccessKeyId")) present = false, st.fail("[s3|gs]:// URLs require [s3|aws|gs]_access_key_id_file to be set.");
          if (!st.lookup("EC2SecretAccessKey")) present = false, st.fail("[s3|gs]:// URLS require [s3|aws|gs]_secret_access_key_file to be set.");
          if (!present) return;
        }
      }
      if (!want.empty()) st.assignString("WantTransferPluginMethods", want);
      answer += closeOp;
    }
  }
  bool deferral = false;
  for (const char* a : {"CronMinute", "CronHour", "CronDayOfMonth", "CronMonth", "CronDayOfWeek", "DeferralTime"}) deferral = deferral || st.lookup(a);
  if (deferral) {
    if (st.universe != kLocal) answer += " && TARGET.HasJobDeferral";
    if (!st.lookup("ScheddInterval")) st.assignInt("ScheddInterval", st.facts.scheddInterval);
    answer += " && (((time() + ScheddInterval) >= (DeferralTime - DeferralPrepTime)) && (time() < (DeferralTime + DeferralWindow)))";
  }
  if (st.lookupBool("WantFTOnCheckpoint").value_or(false) && !has("HasSelfCheckpointTransfers")) answer += " && TARGET.HasSelfCheckpointTransfers";
  if (auto cuda = st.lookupString("CUDAVersion")) {
    unsigned major = 0, minor = 0;
    int n = 0;
    bool ok = false;
    if (std::sscanf(cuda->c_str(), "%u.%u%n", &major, &minor, &n) == 2 && static_cast<size_t>(n) == cuda->size()) {
      st.assignInt("CUDAVersion", major * 1000 + minor % 100);
      ok = true;
    } else if (std::sscanf(cuda->c_str(), "%u%n", &major, &n) == 1 && static_cast<size_t>(n) == cuda->size()) {
      st.assignInt("CUDAVersion", major < 1000 ? major * 1000 : major);
      ok = true;
    }
    if (!ok) return st.fail("cuda_version must be of the form 'x' or 'x.y', where x and y are positive integers.");
    answer += "&& CUDAVersion <= TARGET.CUDAMaxSupportedVersion";
  }
  st.assignExpr("Requirements", answer);
}

}  // namespace htcondor::submit::detail
