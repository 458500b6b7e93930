// What the job-ad builder reads from a submit description: the commands' values for the proc
// being made, expanded as condor_submit's SubmitHash::submit_param() does (with the proc's live
// variables, $(Cluster), $(Process), $(Item), ..., already in place). The description
// (submit_description.hpp) implements it; native tests implement it over a plain table.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "submit/submit_error.hpp"

namespace htcondor::submit {

class SubmitLookup {
 public:
  virtual ~SubmitLookup() = default;

  // submit_param(): nothing when `name` (any case) is not defined, by the description or by
  // the built-in defaults; otherwise its expanded value, which may be empty. An expansion that
  // fails ($INT() of a word, a cycle, ...) is an error.
  virtual Result<std::optional<std::string>> param(std::string_view name) const = 0;

  // A quick answer before param(): false only when `name` is certainly not defined. Most of the
  // few hundred names the builder asks per proc are not, and this skips their full lookup.
  virtual bool mayDefine(std::string_view) const { return true; }

  // Every name the description itself defines, as written ("+Foo", "MY.Bar", "request_cpus"),
  // in the order first defined. For custom attributes and the check for unknown commands.
  virtual std::vector<std::string> names() const = 0;
};

}  // namespace htcondor::submit
