// LOCAL_CONFIG_DIR_EXCLUDE_REGEXP: the PCRE2 pattern (HTCondor's regex engine, default options,
// unanchored) whose matches among file names are skipped in configuration and token directories.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace htcondor::config {

class ExcludeRegex {
 public:
  // Compiles `pattern`; the error names what PCRE2 objected to.
  static htcondor::Result<ExcludeRegex, std::string> compile(std::string_view pattern);

  bool matches(std::string_view fileName) const;

 private:
  struct Code;
  explicit ExcludeRegex(std::shared_ptr<Code> code) : code_(std::move(code)) {}
  std::shared_ptr<Code> code_;
};

}  // namespace htcondor::config
