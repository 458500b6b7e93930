// libFuzzer target: configuration text comes from files anyone on a machine may have edited.
// Reading any text must give a table or an error value, never a crash, a hang or runaway
// memory; every name read must then look up to a value or an error. The input is split at
// the first "\n--\n": before it the root file, after it a file the root may include as
// "/inc" (or list in LOCAL_CONFIG_FILE or find in the directory "/d").
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/config.hpp"
#include "config/config_lexer.hpp"
#include "config/config_load.hpp"
#include "config/credentials.hpp"

using namespace htcondor::config;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const size_t split = input.find("\n--\n");
  const std::string root(input.substr(0, split));
  const std::string other(split == std::string_view::npos ? std::string_view() : input.substr(split + 4));

  ConfigLexer lexer(input);
  int lines = 0;
  while (auto line = lexer.next(lines % 2 ? CommentRules::Old : CommentRules::New)) {
    if (line->line < lines || line->text.find('\0') != std::string::npos) __builtin_trap();
    lines = line->line;
  }

  LoadOptions o;
  o.files.readFile = [&](const std::string& path) -> std::optional<std::string> {
    if (path == "/etc/condor/condor_config") return root;
    if (path == "/inc" || path == "/d/file") return other;
    return std::nullopt;
  };
  o.files.readSecureFile = o.files.readFile;
  o.files.listDirectory = [](const std::string& path) -> std::optional<std::vector<DirectoryEntry>> {
    if (path == "/d" || path == "/d/") return std::vector<DirectoryEntry>{{"file", false}, {"sub", true}};
    return std::nullopt;
  };
  o.environment = {{"_CONDOR_FUZZ", "$(A) from the environment"}, {"HOME", "/home/f"}};
  o.process.hostname = "fuzz";
  o.process.home = "/home/f";
  o.process.condorHome = "/var/lib/condor";

  auto config = loadConfig(o);
  if (!config) {
    if (config.error().message.empty()) __builtin_trap();
    return 0;
  }
  for (const Entry& e : config->entries()) {
    auto value = config->lookup(e.name);
    if (!value && value.error().message.empty()) __builtin_trap();
  }
  (void)config->expand(other);
  (void)discoverCredentials(*config, o.files, o.process);
  return 0;
}
