// The files of the job family (events_job*.cpp), each answering for its own numbers;
// makeJobEvent (event_factory.hpp) asks them in turn.
#pragma once

#include <memory>

#include "eventlog/event.hpp"

namespace htcondor::eventlog {

std::unique_ptr<Event> makeJobHoldEvent(int number);       // events_job_hold.cpp
std::unique_ptr<Event> makeJobReconnectEvent(int number);  // events_job_reconnect.cpp
std::unique_ptr<Event> makeJobAdEvent(int number);         // events_job_ad.cpp

}  // namespace htcondor::eventlog
