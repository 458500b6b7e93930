#include "submit/submit_reader.hpp"

#include <vector>

#include "config/config_reader.hpp"
#include "config/config_text.hpp"
#include "config/if_condition.hpp"
#include "config/include_options.hpp"

namespace htcondor::submit {

namespace {

using config::equalsIgnoreCase;
using config::isSpace;
using config::trim;
using config::trimStart;

constexpr bool isOp(char c) { return c == '=' || c == ':'; }

ReadError readError(std::string message, int line, std::string detail = {}) {
  return ReadError{SubmitError{std::move(message), line}, std::move(detail)};
}

}  // namespace

SubmitReader::SubmitReader(std::string_view text, SubmitMacros& macros, const ReaderOptions& options, int depth)
    : text_(text), macros_(macros), options_(options), depth_(depth), lexer_(text) {}

std::string SubmitReader::resolvePath(const std::string& directory, const std::string& path) {
  if (directory.empty() || config::isFullPath(path)) return path;
  return directory + (directory.back() == '/' ? "" : "/") + path;
}

htcondor::Status<ReadError> SubmitReader::fail(std::string message, std::string detail) const {
  return failure(readError(std::move(message), line_, std::move(detail)));
}

std::string SubmitReader::detailAt(const std::string& what) const {
  return "Submit:-1:Error \"" + options_.sourceName + "\", Line " + std::to_string(line_) + ": " + what;
}

htcondor::Result<std::optional<QueueStatement>, ReadError> SubmitReader::next() {
  // Submit descriptions always use the new comment rules (no "#opt:" switches).
  while (auto logical = lexer_.next(config::CommentRules::New)) {
    line_ = logical->line;
    auto r = statement(logical->text);
    if (!r) return failure(r.error());
    if (*r) {
      std::optional<QueueStatement> q = std::move(queue_);
      queue_.reset();
      return q;
    }
  }
  line_ = lexer_.line();
  if (!hereName_.empty()) {
    auto s = fail("", "Submit:-1:Found end-of-file while scanning for '@" + hereTag_ + "' in " + options_.sourceName);
    return failure(s.error());
  }
  if (ifs_.inside()) {
    auto s = fail("endif(s) not found before end-of-file", detailAt(""));
    return failure(s.error());
  }
  return std::optional<QueueStatement>{};
}

htcondor::Result<bool, ReadError> SubmitReader::statement(std::string_view s) {
  if (s.empty() || s.front() == '#' || trim(s).empty()) return false;

  if (!hereName_.empty()) {
    if (s.front() == '@' && s.substr(1) == hereTag_) {
      auto value = macros_.expandSelf(hereData_, hereName_);
      if (!value) return failure(readError(value.error().message, line_));
      macros_.set(hereName_, *value, line_);
      hereName_.clear();
      hereTag_.clear();
      hereData_.clear();
      return false;
    }
    if (!hereData_.empty()) hereData_ += '\n';
    hereData_ += s;
    return false;
  }

  // A ':' before an if-body line (or before "if") hides it from pre-8.1.5 readers; dropped.
  if (s.front() == ':' && (ifs_.inside() || (s.size() >= 3 && s[1] == 'i' && s[2] == 'f' && (s.size() == 3 || isSpace(s[3])))))
    s.remove_prefix(1);

  std::string ifError;
  if (ifs_.handle(s, ifError, [&](std::string_view expr) { return config::testCondition(expr, macros_); })) {
    if (!ifError.empty()) return failure(readError(ifError, line_));
    return false;
  }
  if (!ifs_.enabled()) return false;

  auto queueLine = [&](std::string_view line, bool reportCannotParse) -> htcondor::Result<bool, ReadError> {
    auto args = queueStatementArgs(line);
    if (!args) {
      if (reportCannotParse) return failure(readError("invalid queue statement.", line_, detailAt("cannot parse: " + std::string(line))));
      return failure(readError("", line_));
    }
    if (depth_ > 0) return failure(readError("Queue statement not allowed in include file or command", line_));
    queue_ = QueueStatement{std::string(*args), line_};
    return true;
  };

  // The name ends at whitespace or an operator; a line with neither may be a queue statement.
  size_t p = 0;
  while (p < s.size() && !isSpace(s[p]) && !isOp(s[p])) ++p;
  if (p == s.size()) return queueLine(s, false);
  const std::string_view name = s.substr(0, p);
  const auto [pop, op, rhs, wordBeforeOp] = config::findStatementOp(s, p);
  const std::string_view value = trimStart(s.substr(rhs));
  const bool at = name.front() == '@';
  const std::string_view keyword = name.substr(at ? 1 : 0);

  if (op == ':' && (equalsIgnoreCase(keyword, "error") || equalsIgnoreCase(keyword, "warning"))) {
    auto message = macros_.expand(value);
    const std::string text = message ? *message : std::string();
    if (equalsIgnoreCase(keyword, "warning")) return false;
    return failure(readError("", line_, "Submit:-1:Error \"" + options_.sourceName + "\", Line " + std::to_string(line_) + ": " + text));
  }
  if (op == ':' && equalsIgnoreCase(keyword, "include")) {
    auto r = include(trim(s.substr(p, pop - p)), s.substr(pop + 1));
    if (!r) return failure(r.error());
    return false;
  }
  if (op == ':' && equalsIgnoreCase(keyword, "use")) {
    return failure(readError("", line_, detailAt("at use " + std::string(trim(s.substr(p, pop - p))) + ":" + std::string(value) +
                                                 " (submit templates are not supported)")));
  }
  if (wordBeforeOp) return queueLine(s, true);
  if ((op != '=' && op != '@') || equalsIgnoreCase(name, "queue")) return queueLine(s, true);

  auto expandedName = macros_.expand(name);
  if (!expandedName) return failure(readError(expandedName.error().message, line_));
  const std::string& key = *expandedName;
  if (op == '=' && !key.empty() && (key.front() == '+' || key.front() == '-')) {
    macros_.set("MY." + key.substr(1), key.front() == '+' ? value : std::string_view(), line_);
    return false;
  }
  if (!config::isValidName(key)) return failure(readError("", line_, detailAt("Illegal Identifier: <" + key + ">")));
  if (op == '@') {
    hereName_ = key;
    hereTag_ = std::string(value);
    hereData_.clear();
    return false;
  }
  auto selfExpanded = macros_.expandSelf(value, key);
  if (!selfExpanded) return failure(readError(selfExpanded.error().message, line_));
  macros_.set(key, *selfExpanded, line_);
  return false;
}

htcondor::Status<ReadError> SubmitReader::include(std::string_view words, std::string_view target) {
  config::IncludeOptions opts;
  if (!words.empty()) {
    auto parsed = config::parseIncludeOptions(words);
    if (!parsed) return fail("", detailAt("unexpected keyword(s) '" + std::string(words) + "' after include "));
    opts = std::move(*parsed);
  }
  auto expanded = macros_.expand(trimStart(target));
  if (!expanded) return fail(expanded.error().message);
  std::string name = std::string(trim(*expanded));
  auto includeError = [&](int innerLine, const std::string& what) {
    return fail("", "Submit:-1:Error \"" + name + "\", Line " + std::to_string(innerLine) + ", Include Depth " +
                        std::to_string(depth_ + 1) + ": " + what);
  };
  bool command = opts.command;
  std::string command_text = name;
  if (!name.empty() && name.back() == '|') {
    command = true;
    command_text = std::string(trim(std::string_view(name).substr(0, name.size() - 1)));
  }
  std::optional<std::string> text;
  if (!opts.into.empty()) {
    auto into = macros_.expand(opts.into);
    if (!into || into->empty()) return fail("", detailAt("destination for 'include into' expanded to ''"));
    text = options_.files && options_.files->readFile ? options_.files->readFile(resolvePath(options_.directory, *into)) : std::nullopt;
    if (!text && options_.runCommand) text = options_.runCommand(command_text);
  } else if (command) {
    if (options_.runCommand) text = options_.runCommand(command_text);
    if (!text) {
      if (opts.ifExists) return std::monostate{};
      return includeError(0, "can't run command " + command_text + " (commands are run only by a host that allows it)");
    }
  } else {
    text = options_.files && options_.files->readFile ? options_.files->readFile(resolvePath(options_.directory, name)) : std::nullopt;
  }
  if (!text) {
    if (opts.ifExists) return std::monostate{};
    return includeError(0, "can't open file " + name + ": No such file or directory");
  }
  if (depth_ + 1 >= config::kMaxIncludeDepth) return includeError(0, "includes nested too deep");
  ReaderOptions inner = options_;
  inner.sourceName = name;
  SubmitReader reader(*text, macros_, inner, depth_ + 1);
  auto r = reader.next();
  if (!r) {
    // The inner failure becomes this line's: its errmsg moves into the error stack.
    const ReadError& e = r.error();
    std::string detail = e.detail;
    std::string what = "Submit:-1:Error \"" + name + "\", Line " + std::to_string(e.error.line) + ", Include Depth " +
                       std::to_string(depth_ + 1) + ": " + e.error.message;
    return fail("", detail.empty() ? what : detail + "\n" + what);
  }
  return std::monostate{};
}

htcondor::Status<ReadError> SubmitReader::readInlineItems(QueueArgs& args, int queueLine) {
  // getline_trim() without the new comment options: '#' lines are skipped, blank lines are items.
  while (auto logical = lexer_.next(config::CommentRules::Old)) {
    line_ = logical->line;
    const std::string& line = logical->text;
    if (!line.empty() && line.front() == '#') continue;
    if (!line.empty() && line.front() == ')') return std::monostate{};
    if (args.mode == ForeachMode::From) {
      args.items.push_back(line);
    } else {
      for (auto& item : config::splitList(line)) args.items.push_back(std::move(item));
    }
  }
  line_ = lexer_.line();
  return fail("Reached end of file without finding closing brace ')' for Queue command on line " + std::to_string(queueLine));
}

}  // namespace htcondor::submit
