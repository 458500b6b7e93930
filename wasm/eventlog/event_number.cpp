#include "eventlog/event_number.hpp"

#include <array>

namespace htcondor::eventlog {

namespace {

struct Names {
  std::string_view type;    // JobEventType
  std::string_view myType;  // MyType of the ad; empty: FutureEvent
};

// Indexed by event number. The bindings of 23.9.6 name the numbers up to FILE_REMOVED (45).
constexpr std::array<Names, 47> kNames = {{
    {"SUBMIT", "SubmitEvent"},
    {"EXECUTE", "ExecuteEvent"},
    {"EXECUTABLE_ERROR", "ExecutableErrorEvent"},
    {"CHECKPOINTED", "CheckpointedEvent"},
    {"JOB_EVICTED", "JobEvictedEvent"},
    {"JOB_TERMINATED", "JobTerminatedEvent"},
    {"IMAGE_SIZE", "JobImageSizeEvent"},
    {"SHADOW_EXCEPTION", "ShadowExceptionEvent"},
    {"GENERIC", "GenericEvent"},
    {"JOB_ABORTED", "JobAbortedEvent"},
    {"JOB_SUSPENDED", "JobSuspendedEvent"},
    {"JOB_UNSUSPENDED", "JobUnsuspendedEvent"},
    {"JOB_HELD", "JobHeldEvent"},
    {"JOB_RELEASED", "JobReleaseEvent"},
    {"NODE_EXECUTE", "NodeExecuteEvent"},
    {"NODE_TERMINATED", "NodeTerminatedEvent"},
    {"POST_SCRIPT_TERMINATED", "PostScriptTerminatedEvent"},
    {"GLOBUS_SUBMIT", ""},
    {"GLOBUS_SUBMIT_FAILED", ""},
    {"GLOBUS_RESOURCE_UP", ""},
    {"GLOBUS_RESOURCE_DOWN", ""},
    {"REMOTE_ERROR", "RemoteErrorEvent"},
    {"JOB_DISCONNECTED", "JobDisconnectedEvent"},
    {"JOB_RECONNECTED", "JobReconnectedEvent"},
    {"JOB_RECONNECT_FAILED", "JobReconnectFailedEvent"},
    {"GRID_RESOURCE_UP", "GridResourceUpEvent"},
    {"GRID_RESOURCE_DOWN", "GridResourceDownEvent"},
    {"GRID_SUBMIT", "GridSubmitEvent"},
    {"JOB_AD_INFORMATION", "JobAdInformationEvent"},
    {"JOB_STATUS_UNKNOWN", ""},
    {"JOB_STATUS_KNOWN", ""},
    {"JOB_STAGE_IN", ""},
    {"JOB_STAGE_OUT", ""},
    {"ATTRIBUTE_UPDATE", "AttributeUpdateEvent"},
    {"PRESKIP", ""},
    {"CLUSTER_SUBMIT", "ClusterSubmitEvent"},
    {"CLUSTER_REMOVE", "ClusterRemoveEvent"},
    {"FACTORY_PAUSED", "FactoryPausedEvent"},
    {"FACTORY_RESUMED", "FactoryResumedEvent"},
    {"NONE", ""},
    {"FILE_TRANSFER", "FileTransferEvent"},
    {"RESERVE_SPACE", "ReserveSpaceEvent"},
    {"RELEASE_SPACE", "ReleaseSpaceEvent"},
    {"FILE_COMPLETE", "FileCompleteEvent"},
    {"FILE_USED", "FileUsedEvent"},
    {"FILE_REMOVED", "FileRemovedEvent"},
    {"", "DataflowJobSkippedEvent"},
}};

}  // namespace

std::optional<std::string_view> eventTypeName(int number) {
  if (number < 0 || number >= static_cast<int>(kNames.size()) || kNames[number].type.empty()) return std::nullopt;
  return kNames[number].type;
}

std::string_view eventMyType(int number) {
  if (number < 0 || number >= static_cast<int>(kNames.size()) || kNames[number].myType.empty()) return "FutureEvent";
  return kNames[number].myType;
}

}  // namespace htcondor::eventlog
