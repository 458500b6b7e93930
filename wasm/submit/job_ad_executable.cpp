// Where and what the job runs: Iwd, the universe, the executable and its arguments
// (SetIWD, SetUniverse, SetExecutable, SetArguments, SetJavaVMArgs, SetParallelParams, SetGridParams).
#include <cstdlib>

#include "submit/arg_list.hpp"
#include "submit/job_ad_state.hpp"

namespace htcondor::submit::detail {

namespace {

// compress_path: drops "./" parts and doubled slashes.
std::string compressPath(const std::string& path) {
  std::string out;
  size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '/' && !out.empty() && out.back() == '/') { ++i; continue; }
    if (path.compare(i, 2, "./") == 0 && (out.empty() || out.back() == '/')) { i += 2; continue; }
    out += path[i++];
  }
  if (out.size() > 1 && out.back() == '/') out.pop_back();
  if (out.size() > 2 && out.compare(out.size() - 2, 2, "/.") == 0) out.resize(out.size() - 2);
  return out;
}

// CondorUniverseNumberEx: a number or a universe's name; 0 if unknown.
int universeNumber(const std::string& name) {
  if (int n = std::atoi(name.c_str()); n != 0) return n;
  static const char* const names[] = {"", "standard", "pipe", "linda", "pvm", "vanilla", "pvmd", "scheduler", "mpi", "grid", "java", "parallel", "local", "vm"};
  for (int i = 1; i < 14; ++i)
    if (iequals(name, names[i])) return i;
  if (iequals(name, "globus")) return kGrid;
  return 0;
}

const char* universeNameUcFirst(int u) {
  static const char* const names[] = {"", "Standard", "Pipe", "Linda", "PVM", "Vanilla", "PVMD", "Scheduler", "MPI", "Grid", "Java", "Parallel", "Local", "VM"};
  return (u > 0 && u < 14) ? names[u] : "Unknown";
}

bool extractGridType(const std::string& resource, std::string& type) {
  size_t end = resource.find_first_of(" \t");
  type = resource.substr(0, end);
  static const char* const valid[] = {"condor", "batch", "pbs", "lsf", "nqs", "sge", "slurm", "arc", "ec2", "gce", "azure", "boinc", "unicore", "cream", "nordugrid", "gt2", "gt5", "infn"};
  for (const char* v : valid)
    if (iequals(type, v)) return true;
  return false;
}

}  // namespace

void setIwd(JobAdState& st) {
  auto shortname = st.param("initialdir", "Iwd");
  if (!shortname) shortname = st.param("initial_dir", "job_iwd");
  if (st.failed()) return;
  std::string iwd;
  if (shortname && !shortname->empty() && (*shortname)[0] == '/') {
    iwd = *shortname;
  } else if (shortname) {
    iwd = st.facts.cwd + "/" + *shortname;
  } else {
    iwd = st.facts.cwd;
  }
  iwd = compressPath(iwd);
  if (shortname && st.facts.isDirectory && !st.facts.isDirectory(iwd)) {
    st.fail("No such directory: " + iwd);
    return;
  }
  st.iwd = iwd;
  st.assignString("Iwd", iwd);
  if (st.facts.submitFile) st.assignString("JobSubmitFile", *st.facts.submitFile);
}

void setUniverse(JobAdState& st) {
  auto univ = st.param("universe", "JobUniverse");
  if (!univ && !st.facts.defaultUniverse.empty()) univ = st.facts.defaultUniverse;
  if (st.failed()) return;
  st.universe = kVanilla;
  if (univ) {
    st.universe = universeNumber(*univ);
    if (!st.universe) {
      if (iequals(*univ, "docker")) st.universe = kVanilla, st.isDocker = true;
      if (iequals(*univ, "container")) st.universe = kVanilla, st.isContainer = true;
    }
  }
  if (st.universe == kVanilla || st.universe == kLocal) {
    auto containerImg = st.param("container_image", "ContainerImage");
    if (st.isDocker) {
      if (containerImg) return st.fail("docker universe does not allow use of container_image.");
    } else {
      auto dockerImg = st.param("docker_image", "DockerImage");
      if (dockerImg && containerImg) return st.fail("cannot declare both docker_image and container_image");
      if (dockerImg || containerImg) {
        st.isContainer = true;
        if (dockerImg) st.assignBool("WantDockerImage", true);
      }
    }
  }
  if (st.failed()) return;
  st.assignInt("JobUniverse", st.universe);
  if (st.paramBool("WantParallelScheduling", {}, false)) st.assignBool("WantParallelScheduling", true);
  switch (st.universe) {
    case kJava: return;
    case kVanilla:
    case kLocal:
      if (st.isDocker) st.assignBool("WantDocker", true);
      if (st.isContainer) st.assignBool("WantContainer", true);
      return;
    case kScheduler:
    case kParallel:
    case kMpi: return;
    case kGrid: {
      auto resource = st.param("grid_resource", "GridResource");
      if (!resource) return st.fail("grid_resource attribute not defined for grid universe job");
      if (!extractGridType(*resource, st.gridType))
        return st.fail("Invalid value '" + st.gridType + "' for grid type\nMust be one of: condor, batch, arc, ec2, gce, or azure");
      return;
    }
    case kVm: return;
    default: break;
  }
  if (univ && !st.universe) return st.fail("I don't know about the '" + *univ + "' universe.");
  st.fail(std::string("'") + universeNameUcFirst(st.universe) + "' is not a supported universe.");
}

void setExecutable(JobAdState& st) {
  bool transfer = true;
  bool ignore = st.universe == kVm || (st.universe == kGrid && (iequals(st.gridType, "ec2") || iequals(st.gridType, "gce") || iequals(st.gridType, "azure")));
  if (st.isDocker) {
    auto image = st.param("docker_image", "DockerImage");
    if (image) {
      std::string img = trimAndStripQuotes(*image);
      if (img.empty()) return st.fail("'" + *image + "' is not a valid docker_image");
      st.assignString("DockerImage", img);
    } else if (!st.failed()) {
      return st.fail("docker jobs require a docker_image");
    }
  }
  if (st.isContainer) {
    auto docker = st.param("docker_image", "DockerImage");
    if (docker) {
      std::string img = trimAndStripQuotes(*docker);
      if (img.empty()) return st.fail("'" + *docker + "' is not a valid docker_image for container universe");
      st.assignString("DockerImage", img);
    }
    auto container = st.param("container_image", "ContainerImage");
    if (container) {
      std::string img = trimAndStripQuotes(*container);
      bool valid = !img.empty();
      for (const char* bad : {"instance://", "library://", "shub://"})
        if (img.rfind(bad, 0) == 0) valid = false;
      if (!valid) return st.fail("'" + *container + "' is not a valid container image");
      st.assignString("ContainerImage", img);
      std::string t = trim(img);
      if (t.rfind("docker:", 0) == 0) st.assignBool("WantDockerImage", true);
      else if (t.size() >= 4 && t.compare(t.size() - 4, 4, ".sif") == 0) st.assignBool("WantSIF", true);
      else st.assignBool("WantSandboxImage", true);
    } else if (!docker) {
      return st.fail("container jobs require a container_image or docker_image");
    }
  }
  if (st.failed()) return;
  auto ename = st.param("executable", "Cmd");
  if (st.failed()) return;
  if (!ename) {
    if (st.isDocker || st.isContainer) ignore = true;
    else return st.fail("No 'executable' parameter was provided");
  }
  auto xfer = st.param("transfer_executable", "TransferExecutable");
  if (xfer) {
    if (!xfer->empty() && ((*xfer)[0] == 'F' || (*xfer)[0] == 'f')) {
      st.assignBool("TransferExecutable", false);
      transfer = false;
    }
  } else if ((st.isDocker || st.isContainer) && ename && !ename->empty() && (*ename)[0] == '/') {
    st.assignBool("TransferExecutable", false);
    transfer = false;
    ignore = true;
  }
  if (ignore && transfer) {
    st.assignBool("TransferExecutable", false);
    transfer = false;
  }
  // The executable is found from the submit directory, not the job's initialdir.
  std::string full = transfer ? st.fullPath(ename.value_or(""), false) : ename.value_or("");
  if (transfer && !ename) full = st.fullPath("", false);
  st.assignString("Cmd", full);
}

void setArguments(JobAdState& st) {
  auto args1 = st.param("arguments", "Args");
  auto args2 = st.param("arguments2");
  bool allowV1 = st.paramBool("allow_arguments_v1", {}, false);
  if (st.failed()) return;
  if (args1 && args2 && !allowV1)
    return st.fail("If you wish to specify both 'arguments' and\n'arguments2' for maximal compatibility with different\nversions of Condor, then you must also specify\nallow_arguments_v1=true.");
  ArgList list;
  std::string error;
  bool ok = true;
  if (args2) ok = list.appendV2Quoted(*args2, error);
  else if (args1) ok = list.appendV1WackedOrV2Quoted(*args1, error);
  if (!ok) {
    if (error.empty()) error = "ERROR in arguments.";
    return st.fail(error + "\nThe full arguments you specified were: " + (args2 ? *args2 : *args1));
  }
  if (list.inputWasV1) {
    std::string v1;
    if (!list.v1Raw(v1, error)) return st.fail("failed to insert arguments: " + error);
    st.assignString("Args", v1);
  } else {
    st.assignString("Arguments", list.v2Raw());
  }
  if (st.universe == kJava && list.args.empty())
    st.fail("In Java universe, you must specify the class name to run.\nExample:\n\narguments = MyClass\n");
}

void setJavaVmArgs(JobAdState& st) {
  auto args1 = st.param("java_vm_arguments", "JavaVMArguments");
  if (!args1) args1 = st.param("java_vm_args");
  auto args2 = st.param("java_vm_arguments2");
  if (st.failed() || (!args1 && !args2)) return;
  ArgList list;
  std::string error;
  bool ok = args2 ? list.appendV2Quoted(*args2, error) : list.appendV1WackedOrV2Quoted(*args1, error);
  if (!ok) return st.fail("failed to parse java VM arguments: " + error + "\nThe full arguments you specified were " + (args2 ? *args2 : *args1));
  if (list.inputWasV1) {
    std::string v1;
    if (!list.v1Raw(v1, error)) return st.fail("failed to insert java vm arguments into ClassAd: " + error);
    if (!v1.empty()) st.assignString("JavaVMArgs", v1);
  } else {
    std::string v2 = list.v2Raw();
    if (!v2.empty()) st.assignString("JavaVMArguments", v2);
  }
}

void setParallelParams(JobAdState& st) {
  bool wantParallel = st.lookupBool("WantParallelScheduling").value_or(false);
  if (st.universe == kMpi || st.universe == kParallel || wantParallel) {
    auto count = st.param("machine_count", "MachineCount");
    if (!count) count = st.param("node_count", "NodeCount");
    if (st.failed()) return;
    if (count) {
      int n = std::atoi(count->c_str());
      st.assignInt("MinHosts", n);
      st.assignInt("MaxHosts", n);
    } else if (!st.lookup("MaxHosts")) {
      return st.fail("No machine_count specified!");
    }
    st.assignInt("RequestCpus", 1);
  }
  if (st.universe == kParallel) {
    st.assignBool("WantIOProxy", true);
    st.assignBool("JobRequiresSandbox", true);
  }
}

void setGridParams(JobAdState& st) {
  if (st.universe != kGrid) return;
  auto resource = st.param("grid_resource", "GridResource");
  if (st.failed()) return;
  if (!resource) return st.fail("No resource identifier was found.");
  if (iequals(*resource, "ec2")) return st.fail("EC2 grid jobs require a service URL");
  st.assignString("GridResource", *resource);
  // The grid commands that go into the ad as they are.
  static const struct { std::string_view key; std::string_view attr; bool isExpr; } simple[] = {
      {"arc_rte", "ArcRte", false},           {"batch_extra_submit_args", "BatchExtraSubmitArgs", false},
      {"batch_project", "BatchProject", false}, {"batch_queue", "BatchQueue", false},
      {"batch_runtime", "BatchRuntime", true},  {"ec2_ami_id", "EC2AmiID", false},
      {"ec2_instance_type", "EC2InstanceType", false}, {"ec2_keypair", "EC2KeyPair", false},
      {"ec2_keypair_file", "EC2KeyPairFile", false},   {"ec2_security_groups", "EC2SecurityGroups", false},
      {"ec2_security_ids", "EC2SecurityIDs", false},   {"ec2_spot_price", "EC2SpotPrice", false},
      {"ec2_availability_zone", "EC2AvailabilityZone", false}, {"ec2_vpc_subnet", "EC2VpcSubnet", false},
      {"ec2_vpc_ip", "EC2VpcIP", false},     {"ec2_elastic_ip", "EC2ElasticIP", false},
      {"ec2_user_data", "EC2UserData", false}, {"ec2_user_data_file", "EC2UserDataFile", false},
      {"ec2_iam_profile_arn", "EC2IamProfileArn", false}, {"ec2_iam_profile_name", "EC2IamProfileName", false},
      {"ec2_ebs_volumes", "EC2EBSVolumes", false}, {"ec2_block_device_mapping", "EC2BlockDeviceMapping", false},
      {"gce_auth_file", "GceAuthFile", false}, {"gce_account", "GceAccount", false},
      {"gce_image", "GceImage", false},       {"gce_machine_type", "GceMachineType", false},
      {"gce_metadata", "GceMetadata", false}, {"gce_metadata_file", "GceMetadataFile", false},
      {"gce_json_file", "GceJsonFile", false}, {"azure_auth_file", "AzureAuthFile", false},
      {"azure_image", "AzureImage", false},   {"azure_location", "AzureLocation", false},
      {"azure_size", "AzureSize", false},     {"azure_admin_username", "AzureAdminUsername", false},
      {"azure_admin_key", "AzureAdminKey", false},
  };
  for (const auto& cmd : simple) {
    auto v = st.param(cmd.key, cmd.attr);
    if (!v) continue;
    if (cmd.isExpr) st.assignExpr(cmd.attr, *v);
    else st.assignString(cmd.attr, *v);
  }
  if (auto pre = st.param("gce_preemptible", "GcePreemptible")) {
    bool b = false;
    if (!stringIsBoolean(*pre, b)) return st.fail("gce_preemptible=" + *pre + " is invalid, must eval to a boolean.");
    st.assignBool("GcePreemptible", b);
  }
}

}  // namespace htcondor::submit::detail
