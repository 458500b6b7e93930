// The data of command_table.hpp: HTCondor's command table (src/condor_includes/condor_commands.h),
// one row per name, as {number, name} or {number, name, since, removedIn} (see the header for
// the releases covered). Each table is sorted by number; rows with the same number keep
// HTCondor's order, which decides the name getCommandString gives.
#include "command_table.hpp"

#include <algorithm>

namespace htcondor::protocol {

namespace {

// makeCollectorCommandTable(): getCollectorCommandString / getCollectorCommandNum.
constexpr CommandEntry kCollectorCommands[] = {
    {0, "UPDATE_STARTD_AD"},
    {1, "UPDATE_SCHEDD_AD"},
    {2, "UPDATE_MASTER_AD"},
    {4, "UPDATE_CKPT_SRVR_AD"},
    {5, "QUERY_STARTD_ADS"},
    {6, "QUERY_SCHEDD_ADS"},
    {7, "QUERY_MASTER_ADS"},
    {9, "QUERY_CKPT_SRVR_ADS"},
    {10, "QUERY_STARTD_PVT_ADS"},
    {11, "UPDATE_SUBMITTOR_AD"},
    {12, "QUERY_SUBMITTOR_ADS"},
    {13, "INVALIDATE_STARTD_ADS"},
    {14, "INVALIDATE_SCHEDD_ADS"},
    {15, "INVALIDATE_MASTER_ADS"},
    {17, "INVALIDATE_CKPT_SRVR_ADS"},
    {18, "INVALIDATE_SUBMITTOR_ADS"},
    {19, "UPDATE_COLLECTOR_AD"},
    {20, "QUERY_COLLECTOR_ADS"},
    {21, "INVALIDATE_COLLECTOR_ADS"},
    {22, "QUERY_HIST_STARTD"},
    {23, "QUERY_HIST_STARTD_LIST"},
    {24, "QUERY_HIST_SUBMITTOR"},
    {25, "QUERY_HIST_SUBMITTOR_LIST"},
    {26, "QUERY_HIST_GROUPS"},
    {27, "QUERY_HIST_GROUPS_LIST"},
    {28, "QUERY_HIST_SUBMITTORGROUPS"},
    {29, "QUERY_HIST_SUBMITTORGROUPS_LIST"},
    {30, "QUERY_HIST_CKPTSRVR"},
    {31, "QUERY_HIST_CKPTSRVR_LIST"},
    {42, "UPDATE_LICENSE_AD"},
    {43, "QUERY_LICENSE_ADS"},
    {44, "INVALIDATE_LICENSE_ADS"},
    {45, "UPDATE_STORAGE_AD"},
    {46, "QUERY_STORAGE_ADS"},
    {47, "INVALIDATE_STORAGE_ADS"},
    {48, "QUERY_ANY_ADS"},
    {49, "UPDATE_NEGOTIATOR_AD"},
    {50, "QUERY_NEGOTIATOR_ADS"},
    {51, "INVALIDATE_NEGOTIATOR_ADS"},
    {53, "QUERY_MULTIPLE_ADS", {23, 2, 0}},
    {54, "QUERY_MULTIPLE_PVT_ADS", {23, 2, 0}},
    {55, "UPDATE_HAD_AD"},
    {56, "QUERY_HAD_ADS"},
    {57, "INVALIDATE_HAD_ADS"},
    {58, "UPDATE_AD_GENERIC"},
    {59, "INVALIDATE_ADS_GENERIC"},
    {60, "UPDATE_STARTD_AD_WITH_ACK"},
    {67, "CCB_REGISTER"},
    {68, "CCB_REQUEST"},
    {69, "CCB_REVERSE_CONNECT"},
    {70, "UPDATE_GRID_AD"},
    {71, "QUERY_GRID_ADS"},
    {72, "INVALIDATE_GRID_ADS"},
    {73, "MERGE_STARTD_AD"},
    {74, "QUERY_GENERIC_ADS"},
    {75, "SHARED_PORT_CONNECT"},
    {76, "SHARED_PORT_PASS_SOCK"},
    {77, "UPDATE_ACCOUNTING_AD"},
    {78, "QUERY_ACCOUNTING_ADS"},
    {79, "INVALIDATE_ACCOUNTING_ADS"},
    {80, "UPDATE_OWN_SUBMITTOR_AD"},
    {81, "IMPERSONATION_TOKEN_REQUEST"},
    {2147483646, "COLLECTOR_COMMAND_LAST"},
};

// makeCommandTable(): everything else getCommandString / getCommandNum know.
constexpr CommandEntry kCommands[] = {
    {401, "CONTINUE_CLAIM"},
    {402, "SUSPEND_CLAIM"},
    {403, "DEACTIVATE_CLAIM"},
    {404, "DEACTIVATE_CLAIM_FORCIBLY"},
    {405, "LOCAL_STATUS"},
    {407, "PERMISSION"},
    {413, "DEACTIVATE_CLAIM_JOB_DONE", {24, 7, 0}},
    {416, "NEGOTIATE"},
    {417, "SEND_JOB_INFO"},
    {418, "NO_MORE_JOBS"},
    {419, "JOB_INFO"},
    {421, "RESCHEDULE"},
    {425, "END_NEGOTIATE"},
    {426, "REJECTED"},
    {427, "X_EVENT_NOTIFICATION"},
    {429, "GET_HISTORY"},
    {435, "REQ_NEW_PROC", {}, {24, 3, 0}},
    {436, "PCKPT_FRGN_JOB", {}, {24, 3, 0}},
    {440, "MATCH_INFO"},
    {441, "ALIVE"},
    {442, "REQUEST_CLAIM"},
    {443, "RELEASE_CLAIM"},
    {444, "ACTIVATE_CLAIM"},
    {446, "PCKPT_ALL_JOBS", {}, {24, 3, 0}},
    {447, "VACATE_ALL_CLAIMS"},
    {448, "GIVE_STATE"},
    {449, "SET_PRIORITY"},
    {451, "GET_PRIORITY"},
    {452, "DAEMONS_OFF_FLEX"},
    {453, "RESTART"},
    {454, "DAEMONS_OFF"},
    {455, "DAEMONS_ON"},
    {456, "MASTER_OFF"},
    {457, "CONFIG_VAL"},
    {458, "RESET_USAGE"},
    {459, "SET_PRIORITYFACTOR"},
    {460, "RESET_ALL_USAGE"},
    {461, "DAEMONS_OFF_FAST"},
    {462, "MASTER_OFF_FAST"},
    {463, "GET_RESLIST"},
    {464, "ATTEMPT_ACCESS"},
    {465, "VACATE_CLAIM"},
    {466, "PCKPT_JOB", {}, {24, 3, 0}},
    {467, "DAEMON_OFF"},
    {468, "DAEMON_OFF_FAST"},
    {469, "DAEMON_ON"},
    {470, "GIVE_TOTALS_CLASSAD"},
    {472, "PERMISSION_AND_AD"},
    {474, "VACATE_ALL_FAST"},
    {475, "VACATE_CLAIM_FAST"},
    {476, "REJECTED_WITH_REASON"},
    {477, "START_AGENT"},
    {478, "ACT_ON_JOBS"},
    {479, "STORE_CRED"},
    {480, "SPOOL_JOB_FILES"},
    {482, "DELETE_USER"},
    {483, "DAEMON_OFF_PEACEFUL"},
    {484, "DAEMONS_OFF_PEACEFUL"},
    {485, "RESTART_PEACEFUL"},
    {486, "TRANSFER_DATA"},
    {487, "UPDATE_GSI_CRED"},
    {488, "SPOOL_JOB_FILES_WITH_PERMS"},
    {489, "TRANSFER_DATA_WITH_PERMS"},
    {490, "CHILD_ON"},
    {491, "CHILD_OFF"},
    {492, "CHILD_OFF_FAST"},
    {493, "NEGOTIATE_WITH_SIGATTRS", {}, {23, 3, 0}},
    {494, "SET_ACCUMUSAGE"},
    {495, "SET_BEGINTIME"},
    {496, "SET_LASTTIME"},
    {497, "STORE_POOL_CRED"},
    {499, "DELEGATE_GSI_CRED_SCHEDD"},
    {500, "DELEGATE_GSI_CRED_STARTER"},
    {501, "DELEGATE_GSI_CRED_STARTD"},
    {502, "REQUEST_SANDBOX_LOCATION"},
    {503, "VM_UNIV_GAHP_ERROR"},
    {504, "VM_UNIV_VMPID"},
    {505, "VM_UNIV_GUEST_IP"},
    {506, "VM_UNIV_GUEST_MAC"},
    {507, "TRANSFER_QUEUE_REQUEST"},
    {508, "SET_SHUTDOWN_PROGRAM"},
    {509, "GET_JOB_CONNECT_INFO"},
    {510, "RECYCLE_SHADOW"},
    {511, "CLEAR_DIRTY_JOB_ATTRS"},
    {512, "DRAIN_JOBS"},
    {512, "GET_PRIORITY_ROLLUP_OLD", {}, {25, 4, 0}},
    {513, "CANCEL_DRAIN_JOBS"},
    {514, "GET_PRIORITY_ROLLUP"},
    {515, "QUERY_SCHEDD_HISTORY"},
    {516, "QUERY_JOB_ADS"},
    {518, "SEND_RESOURCE_REQUEST_LIST"},
    {519, "QUERY_JOB_ADS_WITH_AUTH"},
    {520, "FETCH_PROXY_DELEGATION"},
    {521, "REASSIGN_SLOT"},
    {522, "COALESCE_SLOTS"},
    {523, "COLLECTOR_TOKEN_REQUEST"},
    {524, "GET_CEILING"},
    {525, "SET_CEILING"},
    {526, "EXPORT_JOBS"},
    {527, "IMPORT_EXPORTED_JOB_RESULTS"},
    {528, "UNEXPORT_JOBS"},
    {529, "GET_FLOOR"},
    {530, "SET_FLOOR"},
    {531, "DIRECT_ATTACH"},
    {532, "MANAGE_CEILING", {25, 11, 0}},
    {533, "MANAGE_FLOOR", {25, 12, 0}},
    {534, "MANAGE_PRIORITY_FACTOR", {25, 12, 0}},
    {540, "QUERY_USERREC_ADS"},
    {541, "ENABLE_USERREC"},
    {542, "DISABLE_USERREC"},
    {543, "EDIT_USERREC"},
    {544, "RESET_USERREC"},
    {549, "DELETE_USERREC"},
    {550, "GET_CONTACT_INFO", {24, 8, 0}},
    {551, "CREATE_OCU_FOR_USERREC", {25, 5, 0}},
    {552, "REMOVE_OCU_FROM_USERREC", {25, 5, 0}},
    {553, "QUERY_OCU_FROM_USERREC", {25, 5, 0}},
    {554, "REACTIVATE_CLAIM_CHECK", {25, 5, 0}},
    {555, "PLACEMENT_USER_LOGIN", {25, 6, 0}},
    {556, "PLACEMENT_QUERY_USERS", {25, 6, 0}},
    {557, "PLACEMENT_QUERY_TOKENS", {25, 6, 0}},
    {558, "PLACEMENT_QUERY_AUTHORIZATIONS", {25, 6, 0}},
    {559, "CREATE_STARTUP_LIMIT", {25, 6, 0}},
    {560, "QUERY_STARTUP_LIMITS", {25, 6, 0}},
    {561, "DEACTIVATE_CLAIM_FINAL_XFER", {25, 8, 0}},
    {562, "REHOME", {25, 10, 0}},
    {563, "COMMAND_DATA_SLOT", {25, 11, 0}},
    {700, "HAD_ALIVE_CMD"},
    {701, "HAD_SEND_ID_CMD"},
    {703, "HAD_BEFORE_PASSIVE_STATE"},
    {704, "HAD_AFTER_ELECTION_STATE"},
    {705, "HAD_AFTER_LEADER_STATE"},
    {706, "HAD_IN_LEADER_STATE"},
    {800, "REPLICATION_TRANSFER_FILE"},
    {801, "REPLICATION_LEADER_VERSION"},
    {802, "REPLICATION_NEWLY_JOINED_VERSION"},
    {803, "REPLICATION_GIVING_UP_VERSION"},
    {804, "REPLICATION_SOLICIT_VERSION"},
    {805, "REPLICATION_SOLICIT_VERSION_REPLY"},
    {806, "REPLICATION_TRANSFER_FILE_NEW"},
    {1000, "CA_AUTH_CMD"},
    {1001, "CA_REQUEST_CLAIM"},
    {1002, "CA_RELEASE_CLAIM"},
    {1003, "CA_ACTIVATE_CLAIM"},
    {1004, "CA_DEACTIVATE_CLAIM"},
    {1005, "CA_SUSPEND_CLAIM"},
    {1006, "CA_RESUME_CLAIM"},
    {1007, "CA_RENEW_LEASE_FOR_CLAIM"},
    {1009, "CA_UPDATE_MACHINE_AD"},
    {1010, "CA_BULK_REQUEST"},
    {1111, "QMGMT_READ_CMD"},
    {1112, "QMGMT_WRITE_CMD"},
    {1200, "CA_CMD"},
    {1201, "CA_LOCATE_STARTER"},
    {1202, "CA_RECONNECT_JOB"},
    {1500, "STARTER_HOLD_JOB", {}, {24, 9, 0}},
    {1500, "STARTER_VACATE_JOB", {24, 9, 0}},
    {1501, "CREATE_JOB_OWNER_SEC_SESSION"},
    {1502, "START_SSHD"},
    {1503, "STARTER_PEEK"},
    {60000, "DC_RAISESIGNAL"},
    {60002, "DC_CONFIG_PERSIST"},
    {60003, "DC_CONFIG_RUNTIME"},
    {60004, "DC_RECONFIG"},
    {60005, "DC_OFF_GRACEFUL"},
    {60006, "DC_OFF_FAST"},
    {60007, "DC_CONFIG_VAL"},
    {60008, "DC_CHILDALIVE"},
    {60009, "DC_SERVICEWAITPIDS"},
    {60010, "DC_AUTHENTICATE"},
    {60011, "DC_NOP"},
    {60012, "DC_RECONFIG_FULL"},
    {60013, "DC_FETCH_LOG"},
    {60014, "DC_INVALIDATE_KEY", {}, {25, 11, 0}},
    {60015, "DC_OFF_PEACEFUL"},
    {60016, "DC_SET_PEACEFUL_SHUTDOWN"},
    {60017, "DC_TIME_OFFSET"},
    {60018, "DC_PURGE_LOG"},
    {60020, "DC_NOP_READ"},
    {60021, "DC_NOP_WRITE"},
    {60022, "DC_NOP_NEGOTIATOR"},
    {60023, "DC_NOP_ADMINISTRATOR"},
    {60024, "DC_NOP_OWNER"},
    {60025, "DC_NOP_CONFIG"},
    {60026, "DC_NOP_DAEMON"},
    {60027, "DC_NOP_ADVERTISE_STARTD"},
    {60028, "DC_NOP_ADVERTISE_SCHEDD"},
    {60029, "DC_NOP_ADVERTISE_MASTER"},
    {60040, "DC_SEC_QUERY"},
    {60041, "DC_SET_FORCE_SHUTDOWN"},
    {60042, "DC_OFF_FORCE"},
    {60043, "DC_SET_READY"},
    {60044, "DC_QUERY_READY"},
    {60045, "DC_QUERY_INSTANCE"},
    {60046, "DC_GET_SESSION_TOKEN"},
    {60047, "DC_START_TOKEN_REQUEST"},
    {60048, "DC_FINISH_TOKEN_REQUEST"},
    {60049, "DC_LIST_TOKEN_REQUEST"},
    {60050, "DC_APPROVE_TOKEN_REQUEST"},
    {60051, "DC_AUTO_APPROVE_TOKEN_REQUEST"},
    {60052, "DC_EXCHANGE_SCITOKEN"},
    {61000, "FILETRANS_UPLOAD"},
    {61001, "FILETRANS_DOWNLOAD"},
    {61500, "DAGMAN_GENERIC", {24, 8, 0}},
    {71000, "SHADOW_UPDATEINFO", {}, {23, 5, 0}},
    {71002, "MPI_START_COMRADE"},
    {71003, "GIVE_MATCHES"},
    {71005, "UPDATE_JOBAD"},
    {71006, "TRANSFER_SANDBOX_AND_RM_JOB", {25, 8, 0}},
    {72000, "SQUAWK"},
    {73000, "GRIDMAN_CHECK_LEASES"},
    {81000, "CREDD_STORE_CRED"},
    {81001, "CREDD_GET_CRED"},
    {81002, "CREDD_REMOVE_CRED"},
    {81003, "CREDD_QUERY_CRED"},
    {81004, "CREDD_GET_TOKEN", {24, 1, 0}},
    {81020, "CREDD_REFRESH_ALL"},
    {81030, "CREDD_CHECK_CREDS"},
    {81099, "CREDD_GET_PASSWD"},
    {81100, "CREDD_NOP"},
    {2147483647, "COMMAND_LAST"},
};

constexpr bool sortedByNumber(std::span<const CommandEntry> table) {
  return std::is_sorted(table.begin(), table.end(),
                        [](const CommandEntry& a, const CommandEntry& b) { return a.number < b.number; });
}
static_assert(sortedByNumber(kCollectorCommands));
static_assert(sortedByNumber(kCommands));

// HTCondor receives a C string: text from the first NUL on is not seen.
constexpr std::string_view asCString(std::string_view text) { return text.substr(0, text.find('\0')); }

constexpr char upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

// istring_view equality: same length, ASCII letters compared without case.
constexpr bool sameIgnoringCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return upper(x) == upper(y); });
}

std::optional<std::string_view> nameIn(std::span<const CommandEntry> table, std::int64_t number,
                                       Release release) {
  auto it = std::lower_bound(table.begin(), table.end(), number,
                             [](const CommandEntry& e, std::int64_t n) { return e.number < n; });
  for (; it != table.end() && it->number == number; ++it) {
    if (it->inRelease(release)) return it->name;
  }
  return std::nullopt;
}

std::optional<std::int64_t> numberIn(std::span<const CommandEntry> table, std::string_view name,
                                     Release release) {
  for (const CommandEntry& e : table) {
    if (e.inRelease(release) && sameIgnoringCase(e.name, name)) return e.number;
  }
  return std::nullopt;
}

struct LevelSample {
  std::string_view level;
  std::int64_t command;
};

// condor_perms.cpp's level names with getSampleCommand(), plus the bindings' OWNER.
constexpr LevelSample kLevelSamples[] = {
    {"ALLOW", 60011},             // DC_NOP
    {"READ", 60020},              // DC_NOP_READ
    {"WRITE", 60021},             // DC_NOP_WRITE
    {"NEGOTIATOR", 60022},        // DC_NOP_NEGOTIATOR
    {"ADMINISTRATOR", 60023},     // DC_NOP_ADMINISTRATOR
    {"CONFIG", 60025},            // DC_NOP_CONFIG
    {"DAEMON", 60026},            // DC_NOP_DAEMON
    {"SOAP", -1},                 // levels getSampleCommand() has no command for
    {"DEFAULT", -1},
    {"CLIENT", -1},
    {"ADVERTISE_STARTD", 60027},  // DC_NOP_ADVERTISE_STARTD
    {"ADVERTISE_SCHEDD", 60028},  // DC_NOP_ADVERTISE_SCHEDD
    {"ADVERTISE_MASTER", 60029},  // DC_NOP_ADVERTISE_MASTER
    {"OWNER", 60024},             // DC_NOP_OWNER, the Python bindings' special case
};

}  // namespace

std::span<const CommandEntry> collectorCommandTable() { return kCollectorCommands; }
std::span<const CommandEntry> commandTable() { return kCommands; }

std::optional<std::string_view> commandName(std::int64_t number, Release release) {
  if (auto name = nameIn(kCollectorCommands, number, release)) return name;
  return nameIn(kCommands, number, release);
}

std::optional<std::int64_t> commandNumber(std::string_view name, Release release) {
  name = asCString(name);
  if (auto number = numberIn(kCollectorCommands, name, release)) return number;
  return numberIn(kCommands, name, release);
}

std::optional<std::int64_t> collectorCommandNumber(std::string_view name, Release release) {
  return numberIn(kCollectorCommands, asCString(name), release);
}

std::optional<std::int64_t> sampleCommandForLevel(std::string_view level) {
  level = asCString(level);
  for (const LevelSample& s : kLevelSamples) {
    if (sameIgnoringCase(s.level, level)) return s.command;
  }
  return std::nullopt;
}

}  // namespace htcondor::protocol
