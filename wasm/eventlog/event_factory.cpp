#include "eventlog/event_factory.hpp"

namespace htcondor::eventlog {

std::unique_ptr<Event> makeEvent(int number) {
  for (auto family : {makeJobEvent, makeTerminationEvent, makeGridEvent, makeDagEvent, makeFileEvent}) {
    if (auto event = family(number)) return event;
  }
  return makeFutureEvent(number);
}

}  // namespace htcondor::eventlog
