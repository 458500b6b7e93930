#include "config/include_options.hpp"

#include <vector>

#include "config/config_text.hpp"

namespace htcondor::config {

std::optional<IncludeOptions> parseIncludeOptions(std::string_view words) {
  IncludeOptions out;
  const std::vector<std::string> tokens = splitList(words, " \t");
  size_t i = 0;
  if (i < tokens.size() && (tokens[i] == "ifexist" || tokens[i] == "ifexists")) {
    out.ifExists = true;
    ++i;
  }
  if (i == tokens.size()) return out;
  if (tokens[i] != "output" && tokens[i] != "command") return std::nullopt;
  out.command = true;
  if (++i < tokens.size() && tokens[i] == "into") {
    if (++i >= tokens.size()) return std::nullopt;
    out.into = tokens[i];
  }
  return out;
}

}  // namespace htcondor::config
