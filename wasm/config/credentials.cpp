#include "config/credentials.hpp"

#include <algorithm>

#include "config/config_text.hpp"
#include "config/exclude_regex.hpp"

namespace htcondor::config {

namespace {

Result<std::string> tokenDirectory(const Config& config, const ProcessInfo& process) {
  auto dir = config.lookup("SEC_TOKEN_DIRECTORY");
  if (!dir) return failure(dir.error());
  if (*dir) return **dir;
  if (!process.isRoot && !process.home.empty()) return process.home + "/.condor/tokens.d";
  auto system = config.lookup("SEC_TOKEN_SYSTEM_DIRECTORY");
  if (!system) return failure(system.error());
  return system->value_or("");
}

void addTokens(std::string_view data, std::vector<std::string>& out) {
  data = cString(data);
  for (const std::string& line : splitList(data, "\n"))
    if (!line.empty() && line.front() != '#') out.push_back(line);
}

}  // namespace

Result<Credentials> discoverCredentials(const Config& config, const FileAccess& files, const ProcessInfo& process) {
  Credentials out;
  auto dir = tokenDirectory(config, process);
  if (!dir) return failure(dir.error());
  out.tokenDirectory = *dir;

  auto pattern = config.lookup("LOCAL_CONFIG_DIR_EXCLUDE_REGEXP");
  if (!pattern) return failure(pattern.error());
  std::optional<ExcludeRegex> exclude;
  if (*pattern)
    if (auto compiled = ExcludeRegex::compile(**pattern)) exclude = std::move(*compiled);
  auto entries = (exclude && !out.tokenDirectory.empty() && files.listDirectory) ? files.listDirectory(out.tokenDirectory)
                                                                                : std::nullopt;
  if (entries) {
    const std::string& d = out.tokenDirectory;
    const std::string prefix = d + (d.back() == '/' ? "" : "/");
    const std::string own = config.context().subsystem + "_auto_generated_token";
    std::string first;
    std::vector<std::string> rest;
    for (const DirectoryEntry& e : *entries) {
      if (e.isDirectory || exclude->matches(e.name)) continue;
      if (equalsIgnoreCase(e.name, own)) first = prefix + e.name;
      else rest.push_back(prefix + e.name);
    }
    std::sort(rest.begin(), rest.end());
    if (!first.empty()) rest.insert(rest.begin(), first);
    for (const std::string& path : rest) {
      auto data = files.readSecureFile ? files.readSecureFile(path) : std::nullopt;
      if (!data) continue;
      out.tokenFiles.push_back(path);
      addTokens(*data, out.tokens);
    }
  }

  auto passwordFile = config.lookup("SEC_PASSWORD_FILE");
  if (!passwordFile) return failure(passwordFile.error());
  if (*passwordFile && files.readSecureFile) {
    if (auto data = files.readSecureFile(**passwordFile)) {
      static constexpr unsigned char kScramble[] = {0xDE, 0xAD, 0xBE, 0xEF};
      std::string password(cString(*data));
      for (size_t i = 0; i < password.size(); ++i)
        password[i] = static_cast<char>(static_cast<unsigned char>(password[i]) ^ kScramble[i % 4]);
      out.poolPassword = std::move(password);
    }
  }
  return out;
}

}  // namespace htcondor::config
