// Attributes the description sets directly (+Attr / MY.Attr, SetForcedAttributes), the
// container service ports (SetContainerSpecial), and the attributes make_job_ad fills in last
// (SetAutoAttributes, ReportCommonMistakes).
#include "submit/job_ad_state.hpp"

namespace htcondor::submit::detail {

void setContainerSpecial(JobAdState& st) {
  if (!st.isDocker && !st.isContainer) return;
  auto services = st.param("container_service_names", "ContainerServiceNames");
  if (!services) return;
  st.assignString("ContainerServiceNames", *services);
  for (const auto& service : splitList(*services)) {
    auto port = st.param(service + "_container_port");
    int n = port ? std::atoi(port->c_str()) : -1;
    if (n < 0 || n > 65535)
      return st.fail("Requested container service '" + service + "' was not assigned a port, or the assigned port was not valid.");
    st.assignInt(service + "_ContainerPort", n);
  }
}

void setAutoAttributes(JobAdState& st) {
  if (!st.lookup("MaxHosts") && st.universe != kMpi) {
    st.assignInt("MinHosts", 1);
    st.assignInt("MaxHosts", 1);
  }
  if (!st.lookup("CurrentHosts")) st.assignInt("CurrentHosts", 0);
  if (st.lookup("SuccessCheckpointExitCode")) st.assignBool("WantFTOnCheckpoint", true);
  const int u = st.universe;
  bool canReconnect = u == kVanilla || u == kJava || u == kMpi || u == kParallel || u == kVm;
  if (canReconnect && !st.lookup("JobLeaseDuration") && !st.facts.jobDefaultLeaseDuration.empty())
    st.assignExpr("JobLeaseDuration", st.facts.jobDefaultLeaseDuration);
  if (!st.lookup("JobPrio")) st.assignInt("JobPrio", 0);
  if (st.lookup("JobStarterLog") && !st.lookup("JobStarterDebug")) st.assignBool("JobStarterDebug", true);
}

void reportCommonMistakes(JobAdState& st) {
  if (auto who = st.lookupString("NotifyUser"); who && (iequals(*who, "false") || iequals(*who, "never"))) {
    st.warn("You used  notify_user=" + *who + "  in your submit file.\nThis means notification email will go to user \"" + *who + "@" + st.facts.uidDomain +
            "\".\nThis is probably not what you expect!\nIf you do not want notification email, put \"notification = never\"\ninto your submit file, instead.");
  }
  if (auto len = st.lookupInt("JobMachineAttrsHistoryLength"); len && (*len > 2147483647 || *len < 0))
    return st.fail("job_machine_attrs_history_length=" + std::to_string(*len) + " is out of bounds 0 to 2147483647");
  if (auto lease = st.lookup("JobLeaseDuration")) {
    double d = 0;
    if (isLiteralNumber(*lease, d) && d > 0 && d < 20) {
      st.warn("JobLeaseDuration less than 20 seconds is not allowed, using 20 instead");
      st.assignInt("JobLeaseDuration", 20);
    }
  }
  if (st.universe == kScheduler && st.lookup("DeferralTime")) {
    const char* attr = "DeferralTime";
    for (const char* a : {"CronMinute", "CronHour", "CronDayOfMonth", "CronMonth", "CronDayOfWeek"})
      if (st.lookup(a)) { attr = a; break; }
    st.fail(std::string(attr) + " does not work for scheduler universe jobs.\nConsider submitting this job using the local universe, instead");
  }
}

void setForcedAttributes(JobAdState& st) {
  for (const auto& key : st.sub.names()) {
    std::string name;
    if (!key.empty() && key[0] == '+') name = key.substr(1);
    else if (istartsWith(key, "MY.")) name = key.substr(3);
    else continue;
    auto value = st.param(key);
    if (st.failed()) return;
    st.assignExpr(name, value && !value->empty() ? *value : "undefined");
    if (st.failed()) return;
  }
  st.assignInt("ProcId", st.proc);
}

}  // namespace htcondor::submit::detail
