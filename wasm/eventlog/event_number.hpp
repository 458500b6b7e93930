// The event numbers of HTCondor's job event log (ULogEventNumber), with the names the Python
// bindings give them (JobEventType) and the MyType each event's ad carries.
#pragma once

#include <optional>
#include <string_view>

namespace htcondor::eventlog {

enum EventNumber : int {
  kSubmit = 0, kExecute = 1, kExecutableError = 2, kCheckpointed = 3, kJobEvicted = 4,
  kJobTerminated = 5, kImageSize = 6, kShadowException = 7, kGeneric = 8, kJobAborted = 9,
  kJobSuspended = 10, kJobUnsuspended = 11, kJobHeld = 12, kJobReleased = 13, kNodeExecute = 14,
  kNodeTerminated = 15, kPostScriptTerminated = 16, kGlobusSubmit = 17, kGlobusSubmitFailed = 18,
  kGlobusResourceUp = 19, kGlobusResourceDown = 20, kRemoteError = 21, kJobDisconnected = 22,
  kJobReconnected = 23, kJobReconnectFailed = 24, kGridResourceUp = 25, kGridResourceDown = 26,
  kGridSubmit = 27, kJobAdInformation = 28, kJobStatusUnknown = 29, kJobStatusKnown = 30,
  kJobStageIn = 31, kJobStageOut = 32, kAttributeUpdate = 33, kPreSkip = 34, kClusterSubmit = 35,
  kClusterRemove = 36, kFactoryPaused = 37, kFactoryResumed = 38, kNone = 39, kFileTransfer = 40,
  kReserveSpace = 41, kReleaseSpace = 42, kFileComplete = 43, kFileUsed = 44, kFileRemoved = 45,
  kDataflowJobSkipped = 46,
};

// The JobEventType name ("JOB_TERMINATED"); none for numbers the bindings have no name for.
std::optional<std::string_view> eventTypeName(int number);

// The MyType of the event's ad ("JobTerminatedEvent"); "FutureEvent" for numbers without a class.
std::string_view eventMyType(int number);

}  // namespace htcondor::eventlog
