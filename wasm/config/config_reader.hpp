// Reads configuration text into a Config, statement by statement as HTCondor's Parse_macros
// does (src/condor_utils/config.cpp):
//   NAME = value          the name may use $(...); the value is stored unexpanded except for
//                         references to NAME itself ("X = $(X) more"), which take the old value
//   NAME : value          the same, obsolete (a warning; an error after "#opt:strict")
//   NAME @=tag ... @tag   a multi-line value (comment and blank lines inside are dropped)
//   include [ifexist] : file, include [ifexist] command into file : cmd
//                         (the cached "into" file is read; commands themselves are not run)
//   if / elif / else / endif with the simple conditions of if_condition.hpp
//   use CATEGORY : name   recorded in Config::uses(), not expanded (metaknobs come later)
//   error : text, warning : text
//   [section]             ignored, so a file may look like a Windows .ini file
//   #opt:oldcomment, #opt:newcomment, #opt:strict
#pragma once

#include <string>
#include <string_view>

#include "config/config.hpp"
#include "config/config_error.hpp"
#include "config/file_access.hpp"

namespace htcondor::config {

// HTCondor's CONFIG_MAX_NESTING_DEPTH: includes nest at most this deep.
inline constexpr int kMaxIncludeDepth = 20;

// Reads `text`, the contents of the source `name` (a file path, used in messages and as the
// origin of the definitions). Includes are read through `files`. The first error stops reading;
// what was defined before it stays defined.
Status readConfig(Config& config, std::string_view text, const std::string& name, const FileAccess& files,
                  int depth = 0);

}  // namespace htcondor::config
