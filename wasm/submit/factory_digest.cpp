#include "submit/factory_digest.hpp"

#include <algorithm>

#include "config/macro_expand.hpp"
#include "submit/job_ad_state.hpp"

namespace htcondor::submit {

namespace {

bool sameName(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return (x | 0x20) == (y | 0x20); });
}

bool oneOf(std::string_view key, std::initializer_list<std::string_view> names) {
  return std::any_of(names.begin(), names.end(), [&](std::string_view n) { return sameName(key, n); });
}

std::string fullPath(const std::string& path, const std::string& cwd) {
  if (path.empty() || path[0] == '/' || cwd.empty()) return path;
  return cwd + (cwd.back() == '/' ? "" : "/") + path;
}

}  // namespace

Result<std::string> factoryDigest(const SubmitMacros& macros, long long cluster, const std::vector<std::string>& vars,
                                  const std::string& cwd) {
  std::string out;
  // A job that is a container job only by its image gets the universe spelled out.
  if (!macros.find("universe")) {
    if (macros.find("container_image")) out += "Universe=container\n";
    else if (macros.find("docker_image")) out += "Universe=docker\n";
  }
  out += "FACTORY.Requirements=MY.Requirements\n";

  SubmitMacros live = macros;
  live.clearLive();
  if (cluster > 0) live.setCounters(cluster, 0, 0, 0);
  const auto perProc = [&](std::string_view name) {
    if (oneOf(name, {"Process", "ProcId", "Step", "Row", "Node", "Item"})) return true;
    if (cluster <= 0 && oneOf(name, {"Cluster", "ClusterId"})) return true;
    return std::any_of(vars.begin(), vars.end(), [&](const std::string& v) { return sameName(name, v); });
  };

  // In the order defined, FACTORY.Iwd last (as 23.9.6's bindings were seen to send it).
  for (const auto* entry : macros.entries()) {
    const std::string& key = entry->name;
    if (key.empty() || key[0] == '$' || oneOf(key, {"getenv", "get_env", "requirements", "FACTORY.Iwd"})) continue;
    auto expanded = config::expandExcept(entry->value, live, perProc);
    if (!expanded) return submitError(expanded.error().message);
    std::string rhs = std::move(expanded->text);
    if (oneOf(key, {"executable", "Cmd", "initialdir", "initial_dir", "Iwd", "job_iwd"}) && !rhs.empty() &&
        rhs.find("$$(") == std::string::npos && !detail::isUrl(rhs)) {
      rhs = fullPath(rhs, cwd);
    }
    out += key + "=" + rhs + "\n";
  }
  out += "FACTORY.Iwd=" + cwd + "\n";
  return out;
}

std::string factoryQueueLine(long long count, const std::vector<std::string>& vars, const std::string& itemsFile) {
  std::string line = "\nQueue ";
  if (count > 0) line += std::to_string(count) + " ";
  if (!vars.empty()) line += detail::join(vars, ",") + " ";
  if (!itemsFile.empty()) line += "from " + itemsFile;
  return line + "\n";
}

}  // namespace htcondor::submit
