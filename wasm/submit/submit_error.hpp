// Errors of the submit language are values, as everywhere in the core. The message is
// condor_submit's own text, without its "ERROR: " prefix and line decoration; `line` says where
// in the description it arose (0 when it is not tied to a line, e.g. while making a job ad).
#pragma once

#include <string>

#include "core/result.hpp"

namespace htcondor::submit {

struct SubmitError {
  std::string message;
  int line = 0;
};

template <class T>
using Result = htcondor::Result<T, SubmitError>;
using Status = htcondor::Status<SubmitError>;
using htcondor::failure;

inline Failure<SubmitError> submitError(std::string message, int line = 0) {
  return failure(SubmitError{std::move(message), line});
}

}  // namespace htcondor::submit
