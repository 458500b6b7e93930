// The signal names condor_submit accepts for kill_sig and friends (sig_name.cpp's table), with
// Linux's numbers: the job's signals are delivered on the execute machine, which is Linux.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace htcondor::submit {

// signalName(): "SIGKILL" for 9; nothing for a number without a name.
std::optional<std::string_view> signalName(int number);
// signalNumber(): 9 for "sigkill" (any case); nothing for an unknown name.
std::optional<int> signalNumber(std::string_view name);

}  // namespace htcondor::submit
