// The event object for an event number (instantiateEvent). Each family of events lives in its
// own file and answers for its numbers; numbers no family knows become FutureEvent.
#pragma once

#include <memory>

#include "eventlog/event.hpp"

namespace htcondor::eventlog {

std::unique_ptr<Event> makeEvent(int number);

// The families (null for a number that is not theirs).
std::unique_ptr<Event> makeJobEvent(int number);          // events_job.cpp
std::unique_ptr<Event> makeTerminationEvent(int number);  // events_termination.cpp
std::unique_ptr<Event> makeGridEvent(int number);         // events_grid.cpp
std::unique_ptr<Event> makeDagEvent(int number);          // events_dag.cpp
std::unique_ptr<Event> makeFileEvent(int number);         // events_file.cpp
std::unique_ptr<Event> makeFutureEvent(int number);       // future_event.cpp

}  // namespace htcondor::eventlog
