// What condor_submit learns outside the submit description: the submitting host's configuration,
// the schedd, the clock, the environment and the file system. The job-ad builder is sans-IO, so
// all of it comes in here, with condor_submit 23.9.6's defaults (a stock configuration).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace htcondor::submit {

struct SubmitFacts {
  // The submit time: QDate and EnteredCurrentStatus.
  int64_t qdate = 0;
  // The submitting user: the accounting group user when accounting_group_user is not given.
  std::string user;
  // SUBMIT_SHOULD_SET_LOCAL_OWNER=false (the default) leaves Owner undefined for the schedd.
  bool setLocalOwner = false;
  // The directory the description is read in (condor_submit's cwd): Iwd and relative paths.
  std::string cwd;
  // JobSubmitFile (condor_submit's SUBMIT_FILE); none for the Python bindings.
  std::optional<std::string> submitFile;
  // JobSubmitMethod: 0 condor_submit, 2 Python bindings; none leaves it out.
  std::optional<int> submitMethod = 0;

  // Host and version facts.
  std::string arch = "X86_64";
  std::string opsys = "LINUX";
  std::string fileSystemDomain;
  std::string uidDomain;
  std::string condorVersion = "$CondorVersion: 23.9.6 2024-10-01 BuildID: 0 $";
  std::string condorPlatform = "$CondorPlatform: X86_64-Debian_13 $";

  // Configuration knobs condor_submit reads (their stock values). An empty string is "not set".
  std::string defaultUniverse;                                                          // DEFAULT_UNIVERSE
  std::string jobDefaultRequestMemory = "ifthenelse(MemoryUsage =!= undefined,MemoryUsage,(ImageSize+1023)/1024)";
  std::string jobDefaultRequestDisk = "DiskUsage";                                      // JOB_DEFAULT_REQUESTDISK
  std::string jobDefaultRequestCpus = "1";                                              // JOB_DEFAULT_REQUESTCPUS
  std::string jobDefaultLeaseDuration = "2400";                                         // JOB_DEFAULT_LEASE_DURATION
  std::string jobDefaultNotification;                                                   // JOB_DEFAULT_NOTIFICATION
  std::string niceUserAccountingGroup = "nice-user";                                    // NICE_USER_ACCOUNTING_GROUP_NAME
  std::string appendRequirements;                                                       // APPEND_REQUIREMENTS
  std::string appendReqVanilla;                                                         // APPEND_REQ_VANILLA
  std::string defaultRank;                                                              // DEFAULT_RANK
  std::string appendRank;                                                               // APPEND_RANK
  int scheddInterval = 5;                                                               // SCHEDD_INTERVAL
  int defaultJobMaxRetries = 2;                                                         // DEFAULT_JOB_MAX_RETRIES
  bool insertDefaultPolicyExprs = false;                                                // SUBMIT_INSERT_DEFAULT_POLICY
  bool enableDeprecationWarnings = true;                                                // ENABLE_DEPRECATION_WARNINGS
  bool signS3Urls = true;                                                               // SIGN_S3_URLS

  // getenv: the environment condor_submit runs in.
  std::vector<std::pair<std::string, std::string>> environment;

  // The file system, for sizes (ExecutableSize, DiskUsage, TransferInputSizeMB) and checks.
  // fileSize: bytes of a file, none when it does not exist; directory: whether a path is one.
  std::function<std::optional<int64_t>(const std::string&)> fileSize;
  std::function<bool(const std::string&)> isDirectory;
  // The bytes of a file (the X.509 proxy condor_submit checks); none when it cannot be read.
  std::function<std::optional<std::string>(const std::string&)> readFile;
  // geteuid(): GSI's default proxy is /tmp/x509up_u<euid>.
  std::optional<int> euid;
  int credMinTimeLeft = 120;  // CRED_MIN_TIME_LEFT: seconds a proxy must still be valid
};

}  // namespace htcondor::submit
