// Reading a whole classic-format log in the event tests: its events and how many bytes were no
// event, as HTCondor 23.9 reads them unless another release is named; times in UTC.
#pragma once

#include <cstdlib>
#include <ctime>
#include <memory>
#include <string>
#include <vector>

#include "eventlog/log_reader.hpp"

struct LogRead {
  std::vector<std::unique_ptr<htcondor::eventlog::Event>> events;
  int errors = 0;
};

inline LogRead readLog(const std::string& text, htcondor::eventlog::ReaderVersion version = {}) {
  using htcondor::eventlog::ReadOutcome;
  setenv("TZ", "UTC", 1);
  tzset();
  htcondor::eventlog::ReadContext context;
  context.version = version;
  htcondor::eventlog::EventLogReader reader(context);
  reader.append(text);
  LogRead out;
  for (;;) {
    ReadOutcome next = reader.next();
    if (next.status == ReadOutcome::Status::NoEvent) break;
    if (next.status == ReadOutcome::Status::Error) ++out.errors;
    else out.events.push_back(std::move(next.event));
  }
  return out;
}
