#include "config/macro_expand.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <utility>

#include "config/macro_table.hpp"
#include "config/config_text.hpp"
#include "config/macro_functions.hpp"

namespace htcondor::config {

namespace {

// Generous for any real configuration, small enough to fail fast on a cycle: substitutions,
// the length of the text, the text scanned in total, and functions nested in functions.
constexpr int kMaxSubstitutions = 10000;
constexpr size_t kMaxLength = size_t{1} << 20;
constexpr size_t kMaxScanned = size_t{1} << 24;
constexpr int kMaxDepth = 64;

struct Prefix {
  MacroKind kind;
  bool nameBody;  // the body is a parameter name with an optional ":default"
};

// is_config_macro(): "$" alone is a reference, "$$" never is, "$F<letters>" and the named
// functions (case-sensitive) are functions.
std::optional<Prefix> classify(std::string_view prefix) {
  if (prefix.size() == 1) return Prefix{MacroKind::Normal, true};
  if (prefix[1] == '$') return std::nullopt;
  if (prefix[1] == 'F' &&
      std::all_of(prefix.begin() + 2, prefix.end(), [](char c) { return std::string_view("pnxdqabfwu").find(toLower(c)) != std::string_view::npos; }))
    return Prefix{MacroKind::Filename, false};
  static constexpr std::array<std::pair<std::string_view, MacroKind>, 11> kNamed{{
      {"ENV", MacroKind::Env},
      {"RANDOM_CHOICE", MacroKind::RandomChoice},
      {"RANDOM_INTEGER", MacroKind::RandomInteger},
      {"CHOICE", MacroKind::Choice},
      {"SUBSTR", MacroKind::Substr},
      {"INT", MacroKind::Int},
      {"REAL", MacroKind::Real},
      {"STRING", MacroKind::String},
      {"EVAL", MacroKind::Eval},
      {"BASENAME", MacroKind::Basename},
      {"DIRNAME", MacroKind::Dirname},
  }};
  for (const auto& [name, kind] : kNamed)
    if (prefix.substr(1) == name) return Prefix{kind, kind == MacroKind::Env};
  return std::nullopt;
}

bool isDollar(MacroKind kind, std::string_view body) { return kind == MacroKind::Normal && equalsIgnoreCase(body, "DOLLAR"); }

// "NAME:default" -> NAME and the default (if there is a ':').
std::pair<std::string_view, std::optional<std::string_view>> splitDefault(std::string_view body) {
  const size_t colon = body.find(':');
  if (colon == std::string_view::npos) return {body, std::nullopt};
  return {body.substr(0, colon), body.substr(colon + 1)};
}

class Expander {
 public:
  explicit Expander(const MacroTable& config) : config_(config) {}

  // expand_macro(): every reference, leftmost first, rescanning from the start; then $(DOLLAR).
  ExpandResult<std::string> all(std::string text) {
    if (depth_ >= kMaxDepth) return failure(ExpandError{"macro functions nest too deep", true});
    ++depth_;
    auto result = allAtThisDepth(std::move(text));
    --depth_;
    return result;
  }

  ExpandResult<SelectiveExpansion> except(std::string text, const std::function<bool(std::string_view)>& keep) {
    int kept = 0;
    const MacroSkip skip = [&](MacroKind kind, std::string_view body) {
      bool stays = true;
      if (kind == MacroKind::Env) stays = false;
      else if ((kind == MacroKind::Normal || kind == MacroKind::Filename || kind == MacroKind::Dirname) && !isDollar(MacroKind::Normal, body))
        stays = keep(splitDefault(body).first);
      if (stays) ++kept;
      return stays;
    };
    size_t from = 0;
    for (;;) {
      auto ref = findMacro(text, from, skip);
      if (!ref) return SelectiveExpansion{std::move(text), kept};
      auto value = evaluate(*ref, text);
      if (!value) return failure(value.error());
      if (auto s = replace(text, *ref, *value); !s) return failure(s.error());
      from = ref->begin;
    }
  }

  // expand_self_macro()
  ExpandResult<std::string> self(std::string text, std::string_view self) {
    // "TOOL.X = $(X) more" refers to itself through the unprefixed name too.
    std::string_view self2;
    for (const std::string& prefix : {config_.context().localName, config_.context().subsystem}) {
      if (!prefix.empty() && self.size() > prefix.size() + 1 && startsWithIgnoreCase(self, prefix) &&
          self[prefix.size()] == '.') {
        self2 = self.substr(prefix.size() + 1);
        break;
      }
    }
    auto names = [](std::string_view body, std::string_view name) {
      return !name.empty() && startsWithIgnoreCase(body, name) && (body.size() == name.size() || body[name.size()] == ':');
    };
    const MacroSkip onlySelf = [&](MacroKind kind, std::string_view body) {
      if (kind != MacroKind::Normal && kind != MacroKind::Filename) return true;
      return !names(body, self) && !names(body, self2);
    };
    for (;;) {
      auto ref = findMacro(text, 0, onlySelf);
      if (!ref) return text;
      auto value = evaluate(*ref, text);
      if (!value) return value;
      if (auto s = replace(text, *ref, *value); !s) return failure(s.error());
    }
  }

 private:
  ExpandResult<std::string> allAtThisDepth(std::string text) {
    for (;;) {
      auto ref = findMacro(text, 0, isDollar);
      if (!ref) break;
      auto value = evaluate(*ref, text);
      if (!value) return value;
      if (auto s = replace(text, *ref, *value); !s) return failure(s.error());
    }
    while (auto ref = findMacro(text, 0, [](MacroKind k, std::string_view b) { return !isDollar(k, b); }))
      text.replace(ref->begin, ref->end - ref->begin, "$");
    return text;
  }

  htcondor::Status<ExpandError> replace(std::string& text, const MacroRef& ref, const std::string& value) {
    scanned_ += text.size();
    if (++substitutions_ > kMaxSubstitutions || text.size() - (ref.end - ref.begin) + value.size() > kMaxLength ||
        scanned_ > kMaxScanned)
      return failure(ExpandError{"macro expansion does not end (more than " + std::to_string(kMaxSubstitutions) +
                                     " substitutions, or a value above 1 MiB)",
                                 true});
    text.replace(ref.begin, ref.end - ref.begin, value);
    return std::monostate{};
  }

  ExpandResult<std::string> evaluate(const MacroRef& ref, std::string_view text) {
    const std::string_view body = ref.bodyText(text);
    switch (ref.kind) {
      case MacroKind::Normal: {
        auto [name, fallback] = splitDefault(body);
        auto value = config_.raw(name);
        if (fallback && (!value || value->empty())) return std::string(*fallback);
        return std::string(value.value_or(""));
      }
      case MacroKind::Env: {
        auto [name, fallback] = splitDefault(body);
        if (auto value = config_.getenv(name)) return std::string(*value);
        return std::string(fallback.value_or("UNDEFINED"));
      }
      default: {
        const MacroContext context{config_, [this](std::string_view t) { return all(std::string(t)); }};
        return evaluateFunction(ref.kind, ref.func(text), body, context);
      }
    }
  }

  const MacroTable& config_;
  int substitutions_ = 0;
  size_t scanned_ = 0;
  int depth_ = 0;
};

// Names that $(NAME) and $(NAME:...) references in `text` mention, nested ones included.
std::vector<std::string> referencedNames(std::string_view text) {
  std::vector<std::string> out;
  for (size_t at = text.find("$("); at != std::string_view::npos; at = text.find("$(", at + 2)) {
    size_t end = at + 2;
    while (end < text.size() && isNameChar(text[end])) ++end;
    if (end > at + 2 && end < text.size() && (text[end] == ')' || text[end] == ':'))
      out.emplace_back(text.substr(at + 2, end - at - 2));
  }
  return out;
}

bool cycleFrom(const std::string& name, const MacroTable& config, std::vector<std::string>& path, std::set<std::string>& done) {
  const std::string key = lowerCase(name);
  for (size_t i = 0; i < path.size(); ++i) {
    if (lowerCase(path[i]) == key) {
      path.erase(path.begin(), path.begin() + static_cast<std::ptrdiff_t>(i));
      path.push_back(name);
      return true;
    }
  }
  if (done.count(key) || path.size() > 1000) return false;
  auto value = config.raw(name);
  if (!value) return false;
  path.push_back(name);
  for (const std::string& next : referencedNames(*value))
    if (cycleFrom(next, config, path, done)) return true;
  path.pop_back();
  done.insert(key);
  return false;
}

}  // namespace

std::optional<MacroRef> findMacro(std::string_view text, size_t from, const MacroSkip& skip) {
  const size_t n = text.size();
  size_t t = from;
  for (;;) {
    const size_t dollar = text.find('$', t);
    if (dollar == std::string_view::npos) return std::nullopt;
    size_t p = dollar + 1;
    if (p < n && text[p] == '$') ++p;
    while (p < n && (isAlnum(text[p]) || text[p] == '_')) ++p;
    t = p;
    if (p >= n || text[p] != '(') continue;
    const auto prefix = classify(text.substr(dollar, p - dollar));
    if (!prefix) continue;
    const size_t body = p + 1;
    size_t v = body;
    bool invalid = false;
    if (!prefix->nameBody) {
      while (v < n && text[v] != ')') ++v;
    } else {
      bool afterColon = false;
      while (v < n && text[v] != ')') {
        const char c = text[v++];
        if (c == ':' && !afterColon) {
          afterColon = true;
          continue;
        }
        if (afterColon) {
          if (c == '(') {
            // A nested reference in the default: skip to the next ')'.
            const size_t close = text.find(')', v);
            if (close != std::string_view::npos) {
              v = close + 1;
              continue;
            }
          } else if (std::string_view("$ ,\\:").find(c) != std::string_view::npos) {
            continue;
          }
        }
        if (!isNameChar(c)) {
          invalid = true;
          break;
        }
      }
    }
    if (invalid || v >= n) {
      t = body;
      continue;
    }
    if (skip && skip(prefix->kind, text.substr(body, v - body))) {
      t = v;
      continue;
    }
    return MacroRef{prefix->kind, dollar, body, v + 1};
  }
}

ExpandResult<std::string> expandMacros(std::string_view text, const MacroTable& config) {
  return Expander(config).all(std::string(text));
}

ExpandResult<std::string> expandSelf(std::string_view text, std::string_view self, const MacroTable& config) {
  return Expander(config).self(std::string(text), self);
}

ExpandResult<SelectiveExpansion> expandExcept(std::string_view text, const MacroTable& config,
                                              const std::function<bool(std::string_view name)>& keep) {
  return Expander(config).except(std::string(text), keep);
}

std::vector<std::string> findReferenceCycle(std::string_view name, const MacroTable& config) {
  std::vector<std::string> path;
  std::set<std::string> done;
  if (cycleFrom(std::string(name), config, path, done)) return path;
  return {};
}

}  // namespace htcondor::config
