// The commands that go into the ad with no special treatment (SetSimpleJobExprs' table), as a
// string, boolean, integer or expression.
#include "submit/job_ad_state.hpp"

namespace htcondor::submit::detail {

namespace {

enum Kind { Expr, Str, Bool, Int, UInt };
struct Simple {
  std::string_view key;
  std::string_view attr;
  Kind kind;
  bool altName = false;     // skipped when the entry before it was defined
  bool stripQuotes = false;
  bool asList = false;      // items re-joined with ","
  bool isFile = false;      // a path made absolute against Iwd
};

const Simple kSimple[] = {
    {"next_job_start_delay", "NextJobStartDelay", Expr}, {"keep_claim_idle", "KeepClaimIdle", Expr},
    {"job_ad_information_attrs", "JobAdInformationAttrs", Str}, {"ulog_execute_attrs", "UserLogExecuteEventAttrs", Str},
    {"max_idle", "JobMaterializeMaxIdle", Expr}, {"materialize_max_idle", "JobMaterializeMaxIdle", Expr, true},
    {"docker_network_type", "DockerNetworkType", Str}, {"docker_pull_policy", "DockerPullPolicy", Str},
    {"docker_override_entrypoint", "DockerOverrideEntrypoint", Bool},
    {"container_target_dir", "ContainerTargetDir", Str, false, true}, {"transfer_container", "TransferContainer", Bool},
    {"transfer_plugins", "TransferPlugins", Str}, {"want_io_proxy", "WantIOProxy", Bool},
    {"starter_debug", "JobStarterDebug", Str, false, true}, {"starter_log", "JobStarterLog", Str, false, true, false, true},
    {"job_machine_attrs", "JobMachineAttrs", Str}, {"job_machine_attrs_history_length", "JobMachineAttrsHistoryLength", Int},
    {"notify_user", "NotifyUser", Str}, {"email_attributes", "EmailAttributes", Str, false, false, true},
    {"remote_initialdir", "RemoteIwd", Str}, {"Remote_grid_resource", "Remote_GridResource", Str},
    {"Remote_Remote_grid_resource", "Remote_Remote_GridResource", Str}, {"output_destination", "OutputDestination", Str},
    {"want_graceful_removal", "WantGracefulRemoval", Expr}, {"job_max_vacate_time", "JobMaxVacateTime", Expr},
    {"encrypt_execute_directory", "EncryptExecuteDirectory", Bool}, {"encrypt_input_files", "EncryptInputFiles", Str},
    {"encrypt_output_files", "EncryptOutputFiles", Str}, {"dont_encrypt_input_files", "DontEncryptInputFiles", Str},
    {"dont_encrypt_output_files", "DontEncryptOutputFiles", Str}, {"load_profile", "LoadProfile", Bool},
    {"file_remaps", "FileRemaps", Expr}, {"buffer_files", "BufferFiles", Expr}, {"buffer_size", "BufferSize", Expr},
    {"buffer_block_size", "BufferBlockSize", Expr}, {"fetch_files", "FetchFiles", Str}, {"compress_files", "CompressFiles", Str},
    {"append_files", "AppendFiles", Str}, {"local_files", "LocalFiles", Str},
    {"log", "UserLog", Str, false, false, false, true}, {"dagman_log", "DAGManNodesLog", Str, false, false, false, true},
    {"log_xml", "UserLogUseXML", Bool}, {"noop_job", "IsNoopJob", Expr}, {"noop_job_exit_signal", "NoopJobExitSignal", Expr},
    {"noop_job_exit_code", "NoopJobExitCode", Expr}, {"dag_node_name", "DAGNodeName", Str},
    {"match_list_length", "LastMatchListLength", Int}, {"dagman_job_id", "DAGManJobId", UInt},
    {"submit_event_notes", "SubmitEventNotes", Str}, {"submit_event_user_notes", "SubmitEventUserNotes", Str},
    {"stack_size", "StackSize", Expr}, {"jar_files", "JarFiles", Str},
    {"parallel_script_shadow", "ParallelScriptShadow", Str}, {"parallel_script_starter", "ParallelScriptStarter", Str},
    {"cron_minute", "CronMinute", Str}, {"cron_hour", "CronHour", Str}, {"cron_day_of_month", "CronDayOfMonth", Str},
    {"cron_month", "CronMonth", Str}, {"cron_day_of_week", "CronDayOfWeek", Str}, {"description", "JobDescription", Str},
    {"batch_name", "JobBatchName", Str, false, true}, {"batch_id", "JobBatchId", Str, false, true},
    {"max_job_retirement_time", "MaxJobRetirementTime", Expr}, {"job_lease_duration", "JobLeaseDuration", Expr},
    {"core_size", "CoreSize", Int}, {"priority", "JobPrio", Int}, {"prio", "JobPrio", Int, true},
    {"run_as_owner", "RunAsOwner", Bool}, {"max_transfer_input_mb", "MaxTransferInputMB", Expr},
    {"max_transfer_output_mb", "MaxTransferOutputMB", Expr}, {"manifest", "ManifestDesired", Bool},
    {"manifest_dir", "ManifestDir", Str}, {"checkpoint_exit_code", "SuccessCheckpointExitCode", Int},
    {"checkpoint_destination", "CheckpointDestination", Str}, {"aws_region", "AWSRegion", Str},
    {"aws_access_key_id_file", "EC2AccessKeyId", Str}, {"aws_secret_access_key_file", "EC2SecretAccessKey", Str},
    {"s3_access_key_id_file", "EC2AccessKeyId", Str}, {"s3_secret_access_key_file", "EC2SecretAccessKey", Str},
    {"gs_access_key_id_file", "EC2AccessKeyId", Str}, {"gs_secret_access_key_file", "EC2SecretAccessKey", Str},
    {"erase_output_and_error_on_restart", "EraseOutputAndErrorOnRestart", Bool},
    {"transfer_checkpoint_files", "TransferCheckpoint", Str}, {"preserve_relative_paths", "PreserveRelativePaths", Bool},
    {"cuda_version", "CUDAVersion", Str}, {"skip_if_dataflow", "SkipIfDataflow", Bool},
    {"allowed_job_duration", "AllowedJobDuration", Expr}, {"allowed_execute_duration", "AllowedExecuteDuration", Expr},
    {"jobset", "JobSetName", Str, false, true},
};

}  // namespace

void setSimpleJobExprs(JobAdState& st) {
  bool lastExisted = false;
  for (const auto& c : kSimple) {
    if (c.altName && lastExisted) {
      lastExisted = false;
      continue;
    }
    auto v = st.param(c.key, c.attr);
    if (st.failed()) return;
    lastExisted = v.has_value();
    if (!v) continue;
    switch (c.kind) {
      case Str: {
        std::string s = c.stripQuotes ? trimAndStripQuotes(*v) : *v;
        if (c.asList) s = join(splitList(s), ",");
        if (c.isFile && !s.empty()) s = st.fullPath(s);
        st.assignString(c.attr, s);
        break;
      }
      case Bool: {
        bool b = false;
        if (!stringIsBoolean(*v, b)) return st.fail(std::string(c.key) + "=" + *v + " is invalid, must eval to a boolean.");
        st.assignBool(c.attr, b);
        break;
      }
      case Int:
      case UInt: {
        int64_t n = 0;
        if (!stringIsLong(*v, n)) return st.fail(std::string(c.key) + "=" + *v + " is invalid, must eval to an integer.");
        if (n < 0 && c.kind == UInt) return st.fail(std::string(c.key) + "=" + *v + " is invalid, must eval to a non-negative integer.");
        st.assignInt(c.attr, n);
        break;
      }
      case Expr: st.assignExpr(c.attr, *v); break;
    }
    if (st.failed()) return;
  }
}

}  // namespace htcondor::submit::detail
