// Errors of the configuration reader are values: every step returns a Result, never throws.
// A message names the file and line it comes from, as HTCondor's own messages do.
#pragma once

#include <string>
#include <utility>

#include "core/result.hpp"

namespace htcondor::config {

struct ConfigError {
  std::string message;  // complete, ready to show: "<file>, line <n>: <what>"

  // "<file>, line <n>: <what>"; without a file, just <what>.
  static ConfigError at(const std::string& file, int line, const std::string& what) {
    if (file.empty()) return {what};
    return {file + ", line " + std::to_string(line) + ": " + what};
  }
};

template <class T>
using Result = htcondor::Result<T, ConfigError>;
using Status = htcondor::Status<ConfigError>;
using htcondor::failure;

}  // namespace htcondor::config
