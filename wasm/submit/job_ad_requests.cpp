// Resource requests (SetRequestResources and friends, SetResourceRequirements, SetImageSize):
// request_memory in MiB and request_disk in KiB with K/M/G/T units, request_cpus/gpus as
// expressions, custom request_<tag> resources, and the GPU property constraints.
#include "classad/references.hpp"
#include "classad/unparse.hpp"
#include "submit/job_ad_state.hpp"

namespace htcondor::submit::detail {

namespace {

bool useDefaults(const JobAdState& st) { return st.universe != kGrid; }

void setRequestMem(JobAdState& st) {
  auto mem = st.param("request_memory", "RequestMemory");
  if (st.failed()) return;
  if (!mem && !st.lookup("RequestMemory")) {
    if (st.lookup("VM_Memory")) {
      st.warn("request_memory was NOT specified.  Using RequestMemory = MY.VM_Memory");
      st.assignExpr("RequestMemory", "MY.VM_Memory");
    } else if (useDefaults(st) && !st.facts.jobDefaultRequestMemory.empty()) {
      mem = st.facts.jobDefaultRequestMemory;
    }
  }
  if (!mem) return;
  int64_t mb = 0;
  if (parseInt64Bytes(*mem, mb, 1024 * 1024)) st.assignInt("RequestMemory", mb);
  else if (!iequals(*mem, "undefined")) st.assignExpr("RequestMemory", *mem);
}

void setRequestDisk(JobAdState& st) {
  auto disk = st.param("request_disk", "RequestDisk");
  if (st.failed()) return;
  if (!disk && !st.lookup("RequestDisk") && useDefaults(st) && !st.facts.jobDefaultRequestDisk.empty()) disk = st.facts.jobDefaultRequestDisk;
  if (!disk) return;
  int64_t kb = 0;
  if (parseInt64Bytes(*disk, kb, 1024)) st.assignInt("RequestDisk", kb);
  else if (!iequals(*disk, "undefined")) st.assignExpr("RequestDisk", *disk);
}

void setRequestCpus(JobAdState& st) {
  auto cpus = st.param("request_cpus", "RequestCpus");
  if (st.failed()) return;
  if (!cpus && !st.lookup("RequestCpus") && useDefaults(st) && !st.facts.jobDefaultRequestCpus.empty()) cpus = st.facts.jobDefaultRequestCpus;
  if (cpus && !iequals(*cpus, "undefined")) st.assignExpr("RequestCpus", *cpus);
}

void setRequestGpus(JobAdState& st) {
  auto gpus = st.param("request_gpus", "RequestGPUs");
  if (st.failed()) return;
  if (gpus && !iequals(*gpus, "undefined")) st.assignExpr("RequestGPUs", *gpus);
  if (!st.lookup("RequestGPUs") || st.failed()) return;
  if (auto req = st.param("require_gpus", "RequireGPUs")) st.assignExpr("RequireGPUs", *req);
  if (auto v = st.param("gpus_minimum_capability", "GPUsMinCapability")) st.assignExpr("GPUsMinCapability", *v);
  if (auto v = st.param("gpus_maximum_capability", "GPUsMaxCapability")) st.assignExpr("GPUsMaxCapability", *v);
  if (auto v = st.param("gpus_minimum_memory", "GPUsMinMemory")) {
    int64_t mb = 0;
    if (parseInt64Bytes(*v, mb, 1024 * 1024)) st.assignInt("GPUsMinMemory", mb);
    else st.assignExpr("GPUsMinMemory", *v);
  } else if (st.param("request_gpu_memory", "request_gpus_memory")) {
    st.warn("\nWARNING: request_gpu_memory is not a submit command, did you mean gpus_minimum_memory?");
  }
  if (auto v = st.param("gpus_minimum_runtime", "GPUsMinRuntime")) {
    int major = 0, minor = -1;
    std::string t = trim(*v);
    size_t dot = t.find('.');
    bool ok = !t.empty() && t.find_first_not_of("0123456789.") == std::string::npos && t.find('.', dot == std::string::npos ? t.size() : dot + 1) == std::string::npos;
    if (ok) {
      major = std::atoi(t.c_str());
      if (dot != std::string::npos) minor = std::atoi(t.c_str() + dot + 1);
    }
    if (ok && minor < 100) {
      int64_t ver = (minor == -1 && major > 1000) ? major : static_cast<int64_t>(major) * 1000 + (minor > 0 ? minor * 10 : 0);
      st.assignInt("GPUsMinRuntime", ver);
    } else {
      st.assignExpr("GPUsMinRuntime", *v);
    }
  }
}

}  // namespace

void setRequestResources(JobAdState& st) {
  for (const auto& key : st.sub.names()) {
    if (!istartsWith(key, "request_")) continue;
    std::string lk = lower(key);
    if (lk == "request_cpus" || lk == "request_memory" || lk == "request_disk" || lk == "request_gpus") continue;
    if (lk == "request_cpu" || lk == "request_gpu") {
      st.warn(key + " is not a valid submit keyword, did you mean " + lk + "s?");
      continue;
    }
    std::string tag = key.substr(8);
    if (tag.size() < 2 || tag[0] == '_' || lk == "request_gpu_memory" || lk == "request_gpus_memory") continue;
    auto value = st.param(key);
    if (st.failed()) return;
    if (value) st.assignExpr("Request" + tag, *value);
    if (st.failed()) return;
  }
  setRequestCpus(st);
  setRequestGpus(st);
  setRequestDisk(st);
  setRequestMem(st);
}

void setResourceRequirements(JobAdState& st) {
  if (!st.lookup("RequestGPUs")) return;
  auto require = st.lookup("RequireGPUs");
  classad::References refs;
  if (require) {
    auto propsPtr = std::make_shared<classad::ClassAd>();
    classad::ClassAd& props = *propsPtr;
    for (const char* p : {"Capability", "GlobalMemoryMb", "DriverVersion", "MaxSupportedVersion"}) props.insert(p, std::make_shared<classad::Literal>(classad::Value::integer(0)));
    classad::References ext;
    classad::internalReferences(props, *require, refs);
  }
  std::string clauses;
  auto add = [&](const char* attr, const char* prop, const char* clause) {
    if (st.lookup(attr) && !refs.count(prop)) clauses += (clauses.empty() ? "" : " && ") + std::string(clause);
  };
  add("GPUsMinCapability", "Capability", "Capability >= GPUsMinCapability");
  add("GPUsMaxCapability", "Capability", "Capability <= GPUsMaxCapability");
  add("GPUsMinMemory", "GlobalMemoryMb", "GlobalMemoryMb >= GPUsMinMemory");
  add("GPUsMinRuntime", "MaxSupportedVersion", "MaxSupportedVersion >= GPUsMinRuntime");
  if (clauses.empty()) return;
  if (require) {
    std::string text = classad::unparse(*require, classad::Style::Old);
    if (require->kind() == classad::ExprTree::Kind::Operation) {
      auto op = static_cast<const classad::Operation&>(*require).op();
      if (op == classad::Op::LogicalOr || op == classad::Op::Ternary) text = "(" + text + ")";
    }
    st.assignExpr("RequireGPUs", text + " && " + clauses);
  } else {
    st.assignExpr("RequireGPUs", clauses);
  }
}

void setImageSize(JobAdState& st) {
  if (st.universe != kVm) {
    std::string cmd = st.lookupString("Cmd").value_or("");
    int64_t kb = 0;
    if (!cmd.empty() && !(st.universe == kGrid && (iequals(st.gridType, "ec2") || iequals(st.gridType, "gce") || iequals(st.gridType, "azure"))))
      kb = st.imageSizeKb(cmd);
    st.assignInt("ExecutableSize", kb);
  }
  auto size = st.param("image_size", "ImageSize");
  if (st.failed()) return;
  if (size) {
    int64_t kb = 0;
    if (!parseInt64Bytes(*size, kb, 1024)) return st.fail("'" + *size + "' is not valid for Image Size");
    if (kb < 1) return st.fail("Image Size must be positive");
    st.assignInt("ImageSize", kb);
  } else if (!st.lookup("ImageSize")) {
    st.assignInt("ImageSize", st.lookupInt("ExecutableSize").value_or(0));
  }
}

}  // namespace htcondor::submit::detail
