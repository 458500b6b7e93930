#include "eventlog/event_factory.hpp"

namespace htcondor::eventlog {

std::unique_ptr<Event> makeTerminationEvent(int) { return nullptr; }

}  // namespace htcondor::eventlog
