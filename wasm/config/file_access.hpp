// What the host gives the configuration code instead of I/O: file contents and directory
// listings on request (the core never touches a file system), and facts about the process.
// Paths are passed through exactly as configuration names them; a relative one is relative to
// the host's working directory, as for HTCondor's fopen().
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace htcondor::config {

struct DirectoryEntry {
  std::string name;
  bool isDirectory = false;  // after following symbolic links
};

struct FileAccess {
  // The bytes of a readable file; nothing if it does not exist or cannot be read.
  std::function<std::optional<std::string>(const std::string& path)> readFile;
  // The entries of a directory (without "." and ".."; entries that cannot be examined left
  // out); nothing if it cannot be listed.
  std::function<std::optional<std::vector<DirectoryEntry>>(const std::string& path)> listDirectory;
  // A file holding secrets, read as HTCondor's read_secure_file() does: only if it is owned by
  // the real user and neither group nor others may access it. Token and password files.
  std::function<std::optional<std::string>(const std::string& path)> readSecureFile;
};

// The process facts HTCondor's tools read from the system (getpwuid(), gethostname(), ...).
struct ProcessInfo {
  std::string hostname;                  // gethostname()
  std::optional<std::string> canonicalHostname;  // the resolver's canonical name for it, if known
  std::string username;                  // of the real uid
  long long uid = -1;
  long long gid = -1;
  long long pid = 0;
  long long ppid = 0;
  std::string home;                      // the passwd home directory of the effective uid
  std::optional<std::string> condorHome;  // ~condor, if the user "condor" exists
  // HTCondor "can switch ids" (runs as root): no user configuration file, and the system
  // token directory instead of the user's.
  bool isRoot = false;
};

}  // namespace htcondor::config
