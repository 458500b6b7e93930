#include "config/config_reader.hpp"

#include <optional>
#include <vector>

#include "config/config_lexer.hpp"
#include "config/config_text.hpp"
#include "config/if_condition.hpp"
#include "config/if_stack.hpp"
#include "config/include_options.hpp"
#include "config/macro_expand.hpp"

namespace htcondor::config {

namespace {

constexpr bool isOp(char c) { return c == '=' || c == ':'; }

class Reader {
 public:
  Reader(Config& config, const std::string& name, const FileAccess& files, int depth)
      : config_(config), name_(name), files_(files), depth_(depth) {}

  Status read(std::string_view text) {
    ConfigLexer lexer(text);
    while (auto line = lexer.next(rules_)) {
      line_ = line->line;
      if (auto s = statement(line->text); !s) return s;
    }
    if (!hereName_.empty()) return error("found end-of-file while scanning for '@" + hereTag_ + "'");
    if (ifs_.inside()) return error("endif(s) not found before end-of-file");
    return std::monostate{};
  }

 private:
  std::optional<std::string> readFile(const std::string& path) const {
    return files_.readFile ? files_.readFile(path) : std::nullopt;
  }
  Status error(const std::string& what) const { return failure(ConfigError::at(name_, line_, what)); }
  void warn(const std::string& what) { config_.addWarning(ConfigError::at(name_, line_, what).message); }
  Origin here() const { return Origin{name_, line_}; }

  Result<std::string> expanded(std::string_view text) {
    auto e = expandMacros(text, config_);
    if (!e) return failure(ConfigError::at(name_, line_, e.error().message));
    return std::move(*e);
  }

  Status statement(std::string_view s) {
    if ((!s.empty() && s.front() == '#') || trim(s).empty()) {
      if (equalsIgnoreCase(s, "#opt:oldcomment")) rules_ = CommentRules::Old;
      else if (equalsIgnoreCase(s, "#opt:newcomment")) rules_ = CommentRules::New;
      else if (equalsIgnoreCase(s, "#opt:strict")) metaColon_ = 2;
      return std::monostate{};
    }
    if (!hereName_.empty()) return hereLine(s);

    // A ':' before an if-body line (or before "if") hides it from pre-8.1.5 readers; dropped.
    if (s.front() == ':' && (ifs_.inside() || (s.size() >= 3 && s[1] == 'i' && s[2] == 'f' && (s.size() == 3 || isSpace(s[3])))))
      s.remove_prefix(1);

    std::string ifError;
    if (ifs_.handle(s, ifError, [&](std::string_view expr) { return testCondition(expr, config_); })) {
      if (!ifError.empty()) return error(ifError);
      return std::monostate{};
    }
    if (!ifs_.enabled()) return std::monostate{};
    return assignment(s);
  }

  Status hereLine(std::string_view s) {
    if (s.front() == '@' && s.substr(1) == hereTag_) {
      auto value = expandSelf(hereData_, hereName_, config_);
      if (!value) return error(expansionError(hereName_, value.error(), config_).message);
      auto set = config_.set(hereName_, *value, Origin{name_, hereLine_});
      hereName_.clear();
      hereTag_.clear();
      hereData_.clear();
      if (!set) return error(set.error().message);
      return std::monostate{};
    }
    if (!hereData_.empty()) hereData_ += '\n';
    hereData_ += s;
    return std::monostate{};
  }

  Status assignment(std::string_view s) {
    // The name ends at whitespace or the operator.
    size_t p = 0;
    while (p < s.size() && !isSpace(s[p]) && !isOp(s[p])) ++p;
    if (p == s.size()) {
      if (s.front() == '[') return std::monostate{};
      return error("expected NAME = value: " + std::string(s));
    }
    std::string_view name = s.substr(0, p);
    const StatementOp split = findStatementOp(s, p);
    const size_t pop = split.at;
    char op = split.op;  // ':' may be taken as '=' below
    if (!isOp(op) && op != '@') return error("expected NAME = value: " + std::string(s));
    const std::string_view value = trimStart(s.substr(split.valueAt));
    // Between the name and the operator: include options, the metaknob category, an error code.
    const std::string_view words = trim(s.substr(p, pop - p));

    const bool at = name.front() == '@';
    const std::string_view keyword = name.substr(at ? 1 : 0);
    if (op == ':' && equalsIgnoreCase(keyword, "use")) return use(words, value);
    if (op == ':' && (equalsIgnoreCase(keyword, "error") || equalsIgnoreCase(keyword, "warning"))) {
      auto message = expanded(value);
      if (!message) return failure(message.error());
      if (equalsIgnoreCase(keyword, "warning")) {
        warn("warning: " + *message);
        return std::monostate{};
      }
      return error("error: " + *message);
    }
    if (op == ':' && equalsIgnoreCase(keyword, "include")) return include(words, s.substr(pop + 1));
    if (op == ':') {
      // Obsolete assignment with ':'. HTCondor grandfathers RunBenchmarks, and stops warning
      // after it.
      if (metaColon_ < 2) op = '=';
      if (equalsIgnoreCase(name, "RunBenchmarks")) {
        op = '=';
        if (metaColon_ < 2) metaColon_ = 0;
      }
      if (metaColon_) {
        const std::string what = "obsolete use of ':' for parameter assignment at " + std::string(name) + " : " + std::string(value);
        if (op == ':') return error(what);
        warn("warning: " + what);
      }
    }

    auto expandedName = expanded(name);
    if (!expandedName) return failure(expandedName.error());
    if (!isValidName(*expandedName)) return error("Illegal Identifier: <" + *expandedName + ">");
    if (op == '@') {
      hereName_ = *expandedName;
      hereTag_ = std::string(value);
      hereLine_ = line_;
      hereData_.clear();
      return std::monostate{};
    }
    auto selfExpanded = expandSelf(value, *expandedName, config_);
    if (!selfExpanded) return error(expansionError(*expandedName, selfExpanded.error(), config_).message);
    if (auto set = config_.set(*expandedName, *selfExpanded, here()); !set) return error(set.error().message);
    return std::monostate{};
  }

  Status use(std::string_view category, std::string_view options) {
    auto expandedCategory = expanded(category);
    if (!expandedCategory) return failure(expandedCategory.error());
    config_.addUse(MetaknobUse{*expandedCategory, std::string(options), here()});
    return std::monostate{};
  }

  Status include(std::string_view words, std::string_view target) {
    IncludeOptions options;
    if (!words.empty()) {
      auto parsed = parseIncludeOptions(words);
      if (!parsed) return error("unexpected keyword(s) '" + std::string(words) + "' after include");
      options = std::move(*parsed);
    }
    auto file = expanded(trimStart(target));
    if (!file) return failure(file.error());
    std::string path = *file;
    std::optional<std::string> text;
    if (!options.into.empty()) {
      // HTCondor reads the cached output file when it exists and runs the command otherwise.
      auto into = expanded(options.into);
      if (!into) return failure(into.error());
      if (into->empty()) return error("destination for 'include into' expanded to ''");
      if (into->find('|') != std::string::npos) return error("destination for 'include into' may not be a script");
      path = *into;
      text = readFile(path);
      if (!text) {
        if (options.ifExists) return std::monostate{};
        return error("include command: the output of '" + *file + "' is not cached in " + path +
                     ", and htcondor-wasm does not run commands");
      }
    } else if (options.command || path.find('|') != std::string::npos) {
      if (options.ifExists) {
        warn("include of command output skipped (htcondor-wasm does not run commands): " + path);
        return std::monostate{};
      }
      return error("include of command output is not supported (htcondor-wasm does not run commands): " + path);
    } else {
      text = readFile(path);
      if (!text) {
        if (options.ifExists) return std::monostate{};
        return error("can't open file " + path);
      }
    }
    if (depth_ + 1 >= kMaxIncludeDepth) return error("includes nested too deep");
    config_.addSource(path);
    return Reader(config_, path, files_, depth_ + 1).read(*text);
  }

  Config& config_;
  const std::string& name_;
  const FileAccess& files_;
  const int depth_;
  int line_ = 0;
  CommentRules rules_ = CommentRules::New;
  int metaColon_ = 1;  // 1: ':' assignments warn; 2 (#opt:strict): they fail; 0: silent
  IfStack ifs_;
  std::string hereName_, hereTag_, hereData_;
  int hereLine_ = 0;
};

}  // namespace

Status readConfig(Config& config, std::string_view text, const std::string& name, const FileAccess& files, int depth) {
  return Reader(config, name, files, depth).read(text);
}

}  // namespace htcondor::config
