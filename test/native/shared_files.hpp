// Files of the steering repository's shared/ folder (beside the project; the native tests run
// in the Debian root, where scripts/in-root.sh mounts it read-only at HTCONDOR_SHARED_DIR):
// the protocol captures the wire tests check against, read from there rather than copied.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

inline std::string sharedPath(std::string_view relative) {
  return std::string(HTCONDOR_SHARED_DIR) + "/" + std::string(relative);
}

inline std::string sharedFile(std::string_view relative) {
  std::ifstream in(sharedPath(relative), std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "missing %s: the native tests need shared/ beside the project\n", sharedPath(relative).c_str());
    std::abort();
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}
