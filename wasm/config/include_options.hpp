// The words between "include" and its ':' (parse_include_options() in HTCondor's config.cpp),
// read alike by configuration files and submit descriptions:
//   [ifexist[s]] [command|output [into FILE]]
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace htcondor::config {

struct IncludeOptions {
  bool ifExists = false;
  bool command = false;  // the value is a command whose output is read
  std::string into;      // the file a command's output is cached in
};

// Nothing when the words are none of those.
std::optional<IncludeOptions> parseIncludeOptions(std::string_view words);

}  // namespace htcondor::config
