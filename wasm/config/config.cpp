#include "config/config.hpp"

#include "config/config_defaults.hpp"
#include "config/config_text.hpp"
#include "config/macro_expand.hpp"

namespace htcondor::config {

Status Config::set(std::string_view name, std::string_view value, Origin origin) {
  const std::string key = lowerCase(name);
  if (auto it = index_.find(key); it != index_.end()) {
    auto expanded = expandSelf(value, name, *this);
    if (!expanded) return failure(expansionError(name, expanded.error(), *this));
    Entry& entry = entries_[it->second];
    entry.value = std::move(*expanded);
    entry.origin = std::move(origin);
    return std::monostate{};
  }
  index_.emplace(key, entries_.size());
  entries_.push_back(Entry{std::string(name), std::string(value), std::move(origin)});
  return std::monostate{};
}

const Entry* Config::find(std::string_view name) const {
  auto it = index_.find(lowerCase(name));
  return it == index_.end() ? nullptr : &entries_[it->second];
}

std::optional<std::string_view> Config::raw(std::string_view name) const {
  for (const std::string& prefix : {context_.localName, context_.subsystem}) {
    if (prefix.empty()) continue;
    if (const Entry* e = find(prefix + "." + std::string(name))) return e->value;
  }
  if (const Entry* e = find(name)) return e->value;
  return defaultValue(name);
}

Result<std::optional<std::string>> Config::lookup(std::string_view name) const {
  auto value = raw(name);
  if (!value || value->empty()) return std::optional<std::string>{};
  auto expanded = expandMacros(*value, *this);
  if (!expanded) return failure(expansionError(name, expanded.error(), *this));
  if (expanded->empty()) return std::optional<std::string>{};
  return std::optional<std::string>{std::move(*expanded)};
}

Result<std::string> Config::expand(std::string_view text) const {
  auto expanded = expandMacros(text, *this);
  if (!expanded) return failure(ConfigError{expanded.error().message});
  return std::move(*expanded);
}

std::optional<std::string_view> Config::getenv(std::string_view name) const { return getenvIn(environment_, name); }

ConfigError expansionError(std::string_view name, const ExpandError& error, const MacroTable& config) {
  std::string message = "while expanding " + std::string(name) + ": " + error.message;
  if (error.tooDeep) {
    const auto cycle = findReferenceCycle(name, config);
    if (!cycle.empty()) {
      message = "while expanding " + std::string(name) + ": the definitions refer to each other in a cycle: ";
      for (size_t i = 0; i < cycle.size(); ++i) message += (i ? " -> $(" : "$(") + cycle[i] + ")";
    }
  }
  return ConfigError{std::move(message)};
}

}  // namespace htcondor::config
