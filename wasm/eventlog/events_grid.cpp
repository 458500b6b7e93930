#include "eventlog/event_factory.hpp"

namespace htcondor::eventlog {

std::unique_ptr<Event> makeGridEvent(int) { return nullptr; }

}  // namespace htcondor::eventlog
