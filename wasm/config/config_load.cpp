#include "config/config_load.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "config/config_reader.hpp"
#include "config/config_text.hpp"
#include "config/config_values.hpp"
#include "config/exclude_regex.hpp"

namespace htcondor::config {

namespace {

class Loader {
 public:
  Loader(Config& config, const LoadOptions& options) : config_(config), o_(options) {}

  Status run() {
    const ProcessInfo& p = o_.process;
    if (p.condorHome) detected("TILDE", *p.condorHome);
    detected("CondorIsAdmin", p.isRoot ? "true" : "false");
    detected("SUBSYSTEM", o_.context.subsystem);
    detected("LOCALNAME", o_.context.localName.empty() ? o_.context.subsystem : o_.context.localName);

    const auto env = config_.getenv("CONDOR_CONFIG");
    const bool onlyEnv = env && equalsIgnoreCase(*env, "ONLY_ENV");
    std::string root;
    std::optional<std::string> rootText;
    if (env && !onlyEnv) {
      root = std::string(*env);
      if (root.find('|') != std::string::npos)
        return failure(ConfigError{"CONDOR_CONFIG names a command (\"" + root + "\"); htcondor-wasm does not run commands"});
      rootText = root == "/dev/null" ? std::string() : read(root);
      if (!rootText)
        return failure(ConfigError{"File specified in CONDOR_CONFIG environment variable:\n\"" + root + "\" cannot be read."});
    } else if (!onlyEnv) {
      std::vector<std::string> candidates{"/etc/condor/condor_config", "/usr/local/etc/condor_config"};
      if (p.condorHome) candidates.push_back(*p.condorHome + "/condor_config");
      for (const std::string& c : candidates) {
        if ((rootText = read(c))) {
          root = c;
          break;
        }
      }
      if (!rootText) {
        // As the Python bindings do: carry on with the defaults, the user's file and the
        // environment's overrides.
        config_.addWarning(
            "Neither the environment variable CONDOR_CONFIG, /etc/condor/, /usr/local/etc/, nor ~condor/ contain a "
            "condor_config source.");
      }
    }
    if (!onlyEnv && rootText && !root.empty() && root != "/dev/null") {
      detected("CONFIG_ROOT", dirName(root));
      config_.addSource(root);
      if (auto s = readConfig(config_, *rootText, root, o_.files); !s) return s;
    }

    if (auto s = hostnames(); !s) return s;
    if (p.condorHome) detected("TILDE", *p.condorHome);

    auto dirs = lookup("LOCAL_CONFIG_DIR");
    if (!dirs) return failure(dirs.error());
    if (*dirs && !onlyEnv)
      if (auto s = directories(**dirs); !s) return s;
    if (auto s = localFiles(); !s) return s;
    auto newDirs = lookup("LOCAL_CONFIG_DIR");
    if (!newDirs) return failure(newDirs.error());
    if (*newDirs && !onlyEnv && (!*dirs || **dirs != **newDirs))
      if (auto s = directories(**newDirs); !s) return s;

    if (!onlyEnv && !p.isRoot)
      if (auto s = userFile(); !s) return s;

    if (auto s = environmentOverrides(); !s) return s;
    if (auto s = specials(); !s) return s;
    // HTCondor recomputes the host names now the configuration is complete.
    if (auto s = specials(); !s) return s;
    for (const char* name : {"FILESYSTEM_DOMAIN", "UID_DOMAIN"}) {
      auto value = lookup(name);
      if (!value) return failure(value.error());
      if (!*value) detected(name, fullHostname_);
    }
    return std::monostate{};
  }

 private:
  std::optional<std::string> read(const std::string& path) const {
    return o_.files.readFile ? o_.files.readFile(path) : std::nullopt;
  }

  void detected(const std::string& name, std::string_view value) {
    (void)config_.set(name, value, Origin{kDetected, 0});  // values without references: cannot fail
  }

  Result<std::optional<std::string>> lookup(std::string_view name) const { return config_.lookup(name); }

  Result<bool> flag(std::string_view name, bool fallback, bool crufty = false) const {
    auto value = lookup(name);
    if (!value) return failure(value.error());
    if (!*value) return fallback;
    auto parsed = crufty ? parseCruftyBoolean(**value) : parseBoolean(**value);
    return parsed.value_or(fallback);
  }

  // init_local_hostname_impl(): NETWORK_HOSTNAME, else the host name (the resolver's canonical
  // form unless NO_DNS); a name without a dot gets DEFAULT_DOMAIN_NAME for its full form.
  Status hostnames() {
    auto configured = lookup("NETWORK_HOSTNAME");
    if (!configured) return failure(configured.error());
    auto noDns = flag("NO_DNS", false);
    if (!noDns) return failure(noDns.error());
    std::string name = o_.process.hostname;
    if (*configured) name = **configured;
    else if (!*noDns && o_.process.canonicalHostname) name = *o_.process.canonicalHostname;
    std::string full = name;
    if (const size_t dot = name.find('.'); dot != std::string::npos) {
      name.resize(dot);
    } else {
      auto domain = lookup("DEFAULT_DOMAIN_NAME");
      if (!domain) return failure(domain.error());
      if (*domain) full += ((*domain)->front() == '.' ? "" : ".") + **domain;
    }
    fullHostname_ = full;
    detected("HOSTNAME", name);
    detected("FULL_HOSTNAME", full);
    return std::monostate{};
  }

  // reinsert_specials()
  Status specials() {
    const ProcessInfo& p = o_.process;
    if (p.condorHome) detected("TILDE", *p.condorHome);
    if (auto s = hostnames(); !s) return s;
    detected("SUBSYSTEM", o_.context.subsystem);
    detected("LOCALNAME", o_.context.localName.empty() ? o_.context.subsystem : o_.context.localName);
    if (!p.username.empty()) detected("USERNAME", p.username);
    detected("REAL_UID", std::to_string(p.uid));
    detected("REAL_GID", std::to_string(p.gid));
    detected("PID", std::to_string(p.pid));
    detected("PPID", std::to_string(p.ppid));
    return std::monostate{};
  }

  // One local file: read if it can be, an error if it cannot and is required.
  Status localFile(const std::string& path, bool required) {
    if (path.find('|') != std::string::npos)
      return failure(ConfigError{"configuration source \"" + path + "\" is a command; htcondor-wasm does not run commands"});
    auto text = read(path);
    if (!text) {
      if (required) return failure(ConfigError{"ERROR: Can't read config source " + path});
      return std::monostate{};
    }
    config_.addSource(path);
    return readConfig(config_, *text, path, o_.files, 1);
  }

  // process_directory(): every directory of the list, its files in sorted order.
  Status directories(const std::string& list) {
    auto required = flag("REQUIRE_LOCAL_CONFIG_FILE", true, true);
    if (!required) return failure(required.error());
    for (const std::string& dir : splitList(list)) {
      auto pattern = lookup("LOCAL_CONFIG_DIR_EXCLUDE_REGEXP");
      if (!pattern) return failure(pattern.error());
      std::optional<ExcludeRegex> exclude;
      if (*pattern) {
        auto compiled = ExcludeRegex::compile(**pattern);
        if (!compiled)
          return failure(ConfigError{"LOCAL_CONFIG_DIR_EXCLUDE_REGEXP config parameter is not a valid regular expression: " +
                                     compiled.error()});
        exclude = std::move(*compiled);
      }
      auto entries = o_.files.listDirectory ? o_.files.listDirectory(dir) : std::nullopt;
      if (!entries) continue;
      std::vector<std::string> files;
      for (const DirectoryEntry& e : *entries)
        if (!e.isDirectory && !(exclude && exclude->matches(e.name)))
          files.push_back(dir + (dir.back() == '/' ? "" : "/") + e.name);
      std::sort(files.begin(), files.end());
      for (const std::string& f : files)
        if (auto s = localFile(f, *required); !s) return s;
    }
    return std::monostate{};
  }

  // process_locals(): the list is read again after each file, which may change it.
  Status localFiles() {
    auto required = flag("REQUIRE_LOCAL_CONFIG_FILE", true, true);
    if (!required) return failure(required.error());
    auto value = lookup("LOCAL_CONFIG_FILE");
    if (!value) return failure(value.error());
    if (!*value) return std::monostate{};
    std::string current = **value;
    auto split = [](const std::string& v) { return v.find('|') != std::string::npos ? std::vector<std::string>{v} : splitList(v); };
    std::vector<std::string> pending = split(current), done;
    size_t i = 0;
    while (i < pending.size()) {
      const std::string file = pending[i];
      if (auto s = localFile(file, *required); !s) return s;
      done.push_back(file);
      auto now = lookup("LOCAL_CONFIG_FILE");
      if (!now) return failure(now.error());
      if (*now && **now != current) {
        current = **now;
        pending = split(current);
        std::erase_if(pending, [&](const std::string& f) { return std::find(done.begin(), done.end(), f) != done.end(); });
        i = 0;
        continue;
      }
      ++i;
    }
    return std::monostate{};
  }

  // find_user_file(): a full path as it is, else ~/.condor/<name>; read only if readable.
  Status userFile() {
    auto name = lookup("USER_CONFIG_FILE");
    if (!name) return failure(name.error());
    if (!*name) return std::monostate{};
    std::string path = **name;
    if (!isFullPath(path)) {
      if (o_.process.home.empty()) return std::monostate{};
      path = o_.process.home + "/.condor/" + path;
    }
    auto text = read(path);
    if (!text) return std::monostate{};
    config_.addSource(path);
    return readConfig(config_, *text, path, o_.files, 1);
  }

  // _CONDOR_<NAME>=value (prefix in any case): HTCondor cuts the name at its first whitespace
  // and drops leading whitespace from the value.
  Status environmentOverrides() {
    for (const auto& [key, value] : config_.environment()) {
      if (!startsWithIgnoreCase(key, "_condor_")) continue;
      std::string_view name = std::string_view(key).substr(8);
      for (size_t i = 0; i < name.size(); ++i)
        if (isSpace(name[i])) {
          name = name.substr(0, i);
          break;
        }
      if (name.empty()) continue;
      if (auto s = config_.set(name, trimStart(value), Origin{kEnvironment, 0}); !s)
        return failure(ConfigError{"environment variable " + key + ": " + s.error().message});
    }
    return std::monostate{};
  }

  Config& config_;
  const LoadOptions& o_;
  std::string fullHostname_;
};

}  // namespace

Result<Config> loadConfig(const LoadOptions& options) {
  Config config(options.context, options.environment);
  if (auto s = Loader(config, options).run(); !s) return failure(s.error());
  return config;
}

}  // namespace htcondor::config
