// The configuration table, as HTCondor's global MACRO_SET holds it: names compared without
// regard to case, the last definition winning, and param()-style lookups that try
// "<local name>.NAME", then "<subsystem>.NAME", then NAME, then the defaults, and expand the
// value found. Sans-IO: the table is filled by config_reader / config_load from text the host
// supplies; the environment is a value given at construction.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "config/config_error.hpp"
#include "config/macro_table.hpp"
#include "core/release.hpp"

namespace htcondor::config {

// Where a definition came from: a file and line, or one of HTCondor's pseudo-sources.
struct Origin {
  std::string source;
  int line = 0;
};
inline constexpr const char* kDetected = "<Detected>";
inline constexpr const char* kEnvironment = "<Environment>";
inline constexpr const char* kOverride = "<Over>";  // set in code

struct Entry {
  std::string name;  // as first written
  std::string value;
  Origin origin;
};

// A "use CATEGORY : option ..." line. Recorded only: metaknobs are expanded by a later version.
struct MetaknobUse {
  std::string category;
  std::string options;
  Origin origin;
};

class Config : public MacroTable {
 public:
  Config() = default;
  explicit Config(Context context, Environment environment = {})
      : context_(std::move(context)), environment_(std::move(environment)) {}

  // insert_macro(): defines or redefines `name`. A redefinition expands references to the
  // name itself against its previous value.
  Status set(std::string_view name, std::string_view value, Origin origin);

  // The definition stored under exactly this name (any case), if any.
  const Entry* find(std::string_view name) const;
  // lookup_macro(): the unexpanded value param() would start from.
  std::optional<std::string_view> raw(std::string_view name) const override;
  // param(): the expanded value; nothing when undefined or when it expands to "".
  Result<std::optional<std::string>> lookup(std::string_view name) const;
  // Expands every reference in `text`.
  Result<std::string> expand(std::string_view text) const;
  // getenv() on the environment given at construction.
  std::optional<std::string_view> getenv(std::string_view name) const override;

  const Context& context() const override { return context_; }
  const Environment& environment() const { return environment_; }
  const std::vector<Entry>& entries() const { return entries_; }

  // What reading produced besides definitions.
  const std::vector<std::string>& sources() const { return sources_; }
  const std::vector<MetaknobUse>& uses() const { return uses_; }
  const std::vector<std::string>& warnings() const { return warnings_; }
  void addSource(std::string file) { sources_.push_back(std::move(file)); }
  void addUse(MetaknobUse use) { uses_.push_back(std::move(use)); }
  void addWarning(std::string warning) { warnings_.push_back(std::move(warning)); }

 private:
  Context context_;
  Environment environment_;
  std::vector<Entry> entries_;
  std::unordered_map<std::string, size_t> index_;  // lower-case name -> entries_
  std::vector<std::string> sources_;
  std::vector<MetaknobUse> uses_;
  std::vector<std::string> warnings_;
};

struct ExpandError;
// "while expanding NAME: <what>", naming the cycle when expansion gave up.
ConfigError expansionError(std::string_view name, const ExpandError& error, const MacroTable& table);

}  // namespace htcondor::config
