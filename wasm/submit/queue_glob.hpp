// "queue ... matching" file globs (submit_expand_globs() over glob(3) with GLOB_MARK), done
// over FileAccess::listDirectory: '*', '?' and '[...]' per path component, a leading '.' only
// matched explicitly, matches sorted bytewise per pattern, directories marked with a trailing
// '/', later patterns' duplicates of earlier matches dropped.
#pragma once

#include <string>
#include <vector>

#include "config/file_access.hpp"

namespace htcondor::submit {

enum class GlobKinds { Any, Files, Dirs };

// Relative patterns are resolved against `directory` (empty: the host's working directory),
// and the matches are reported as the pattern wrote them.
std::vector<std::string> expandGlobs(const std::vector<std::string>& patterns, GlobKinds kinds, const std::string& directory,
                                     const config::FileAccess& files);

// fnmatch() without flags except that a leading '.' must be matched literally.
bool globMatch(std::string_view pattern, std::string_view name);

}  // namespace htcondor::submit
