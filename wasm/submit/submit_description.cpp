#include "submit/submit_description.hpp"

#include "config/config_lexer.hpp"
#include "config/config_text.hpp"
#include "submit/queue_glob.hpp"

namespace htcondor::submit {

namespace {

SubmitDefaults defaultsFor(const SubmitOptions& options) {
  SubmitDefaults d = options.defaults;
  d.submitFile = options.submitFile;
  return d;
}

ReaderOptions readerOptions(const SubmitOptions& options) {
  ReaderOptions r;
  r.files = &options.files;
  r.directory = options.directory;
  r.sourceName = options.submitFile;
  r.runCommand = options.runCommand;
  return r;
}

}  // namespace

Status loadExternalItems(QueueArgs& args, const SubmitOptions& options) {
  if (!args.itemsFile.empty() && args.itemsFile != "<") {
    if (args.itemsFile == "-") return submitError("QUEUE FROM - (read from stdin) is not allowed in this context");
    const std::string path = SubmitReader::resolvePath(options.directory, args.itemsFile);
    auto text = options.files.readFile ? options.files.readFile(path) : std::nullopt;
    if (!text) return submitError("can't open file " + args.itemsFile + ": No such file or directory");
    // getline_trim(): each line trimmed, a trailing '\' joining the next.
    config::ConfigLexer lexer(*text);
    while (auto line = lexer.next(config::CommentRules::Old)) args.items.push_back(std::move(line->text));
  }
  if (args.isMatching()) {
    const GlobKinds kinds = args.mode == ForeachMode::MatchingFiles  ? GlobKinds::Files
                            : args.mode == ForeachMode::MatchingDirs ? GlobKinds::Dirs
                                                                     : GlobKinds::Any;
    args.items = expandGlobs(args.items, kinds, options.directory, options.files);
  }
  return std::monostate{};
}

// ---- SubmitDescription ----

SubmitDescription::SubmitDescription(SubmitOptions options)
    : options_(std::move(options)), macros_(options_.defaults, options_.environment) {}

htcondor::Result<SubmitDescription, DescriptionError> SubmitDescription::fromText(std::string_view text, SubmitOptions options) {
  // The bindings read a string: no $(SUBMIT_FILE), and messages name no file.
  options.submitFile.clear();
  SubmitDescription d(std::move(options));
  if (text.empty()) return d;
  const ReaderOptions ro = readerOptions(d.options_);
  SubmitReader reader(text, d.macros_, ro);
  auto q = reader.next();
  if (!q) return failure(q.error());
  if (*q) {
    d.qargs_ = (*q)->args;
    d.remainder_ = std::string(reader.remainder());
  }
  return d;
}

SubmitDescription SubmitDescription::fromPairs(const std::vector<std::pair<std::string, std::string>>& pairs, SubmitOptions options) {
  options.submitFile.clear();
  SubmitDescription d(std::move(options));
  for (const auto& [k, v] : pairs) d.set(k, v);
  return d;
}

std::optional<std::string> SubmitDescription::get(std::string_view key) const {
  auto v = macros_.raw(plusToMy(key));
  if (!v) return std::nullopt;
  return std::string(*v);
}

void SubmitDescription::set(std::string_view key, std::string_view value) { macros_.set(plusToMy(key), value); }

bool SubmitDescription::erase(std::string_view key) { return macros_.erase(plusToMy(key)); }

std::vector<std::string> SubmitDescription::keys() const {
  std::vector<std::string> out;
  out.reserve(macros_.size());
  for (const auto* e : macros_.entries()) out.push_back(e->name);
  return out;
}

std::string SubmitDescription::str() const {
  std::string out;
  for (const auto* e : macros_.entries()) {
    out += e->name;
    out += " = ";
    out += e->value;
    out += '\n';
  }
  if (!qargs_.empty()) out += "queue " + qargs_;
  return out;
}

Result<std::optional<std::string>> SubmitDescription::expand(std::string_view key) const { return macros_.param(plusToMy(key)); }

Status SubmitDescription::setQArgs(std::string_view qline) {
  if (qline.empty()) {
    qargs_.clear();
    remainder_.clear();
  }
  if (qline.find('\n') != std::string_view::npos) return submitError("QArgs cannot contain a newline character");
  if (auto args = queueStatementArgs(qline)) {
    qargs_ = std::string(*args);
    remainder_.clear();
  } else if (qline != qargs_) {
    qargs_ = std::string(qline);
    remainder_.clear();
  }
  return std::monostate{};
}

Result<QueueArgs> SubmitDescription::loadQueueArgs(std::string_view args, bool useRemainder, std::string_view parseFailure) const {
  auto expanded = macros_.expand(args);
  if (!expanded) return failure(expanded.error());
  auto parsed = parseQueueArgs(*expanded);
  if (!parsed) return parseFailure.empty() ? parsed : submitError(std::string(parseFailure));
  QueueArgs q = std::move(*parsed);
  if (q.itemsFile == "<") {
    if (!useRemainder) return submitError("inline items not available");
    SubmitMacros scratch = macros_;
    const ReaderOptions ro = readerOptions(options_);
    SubmitReader reader(remainder_, scratch, ro);
    // 23.9.6's bindings name line -2 here (the line of their placeholder source).
    if (auto s = reader.readInlineItems(q, -2); !s) return failure(s.error().error);
  }
  if (auto s = loadExternalItems(q, options_); !s) return failure(s.error());
  return q;
}

Result<std::vector<ItemData>> SubmitDescription::itemdata(std::string_view qline) const {
  std::string_view args = qargs_;
  bool useRemainder = true;
  if (!qline.empty()) {
    auto stripped = queueStatementArgs(qline);
    args = stripped ? *stripped : qline;
    useRemainder = false;
  }
  auto loaded = loadQueueArgs(args, useRemainder);
  if (!loaded) return failure(loaded.error());
  const QueueArgs& q = *loaded;
  std::vector<ItemData> out;
  out.reserve(q.items.size());
  const bool asMap = q.vars.size() > 1 || (q.vars.size() == 1 && !config::equalsIgnoreCase(q.vars[0], "Item"));
  for (const std::string& item : q.items) {
    ItemData d;
    if (asMap) {
      d.isMap = true;
      const auto values = splitItem(item, q.vars.size());
      for (size_t i = 0; i < values.size(); ++i) d.fields.emplace_back(q.vars[i], std::string(values[i]));
    } else {
      d.text = item;
    }
    out.push_back(std::move(d));
  }
  return out;
}

Result<QueueArgs> SubmitDescription::jobsQueueArgs(const ProcOptions& options) const {
  if (options.count > 0 || qargs_.empty() || options.external) {
    QueueArgs args;
    args.count = options.count > 0 ? options.count : 1;
    return args;
  }
  // Python's jobs() words arguments it cannot parse its own way.
  return loadQueueArgs(qargs_, true, "Invalid queue arguments");
}

Result<ProcIterator> SubmitDescription::procs(const ProcOptions& options) const {
  QueueSegment seg;
  auto args = jobsQueueArgs(options);
  if (!args) return failure(args.error());
  seg.args = std::move(*args);
  auto segments = std::make_shared<std::vector<QueueSegment>>();
  segments->push_back(std::move(seg));
  ProcIterator procs(macros_, std::move(segments), ProcStyle::Python, options.cluster, options.firstProc);
  if (options.external) procs.useExternalItems(options.count);
  return procs;
}

// ---- SubmitFile ----

htcondor::Result<SubmitFile, DescriptionError> SubmitFile::read(std::string_view text, SubmitOptions options) {
  SubmitMacros macros(defaultsFor(options), options.environment);
  SubmitMacros base = macros;
  auto segments = std::make_shared<std::vector<QueueSegment>>();
  const ReaderOptions ro = readerOptions(options);
  SubmitReader reader(text, macros, ro);
  std::string lastExecutable, lastCmd;
  auto atLine = [](SubmitError e, int line) {
    e.line = line;
    return failure(DescriptionError{std::move(e), {}});
  };
  for (;;) {
    std::vector<SubmitMacros::Entry> definitions;
    macros.setJournal(&definitions);
    auto q = reader.next();
    macros.setJournal(nullptr);
    if (!q) return failure(q.error());
    if (!*q) {
      if (segments->empty()) return atLine(SubmitError{"no queue statement"}, reader.line());
      break;
    }
    QueueSegment seg;
    seg.definitions = std::move(definitions);
    seg.line = (*q)->line;
    // CheckForNewExecutable(): a changed "executable" or "cmd" asks for a new cluster.
    const std::string exe(macros.find("executable") ? macros.find("executable")->value : "");
    const std::string cmd(macros.find("cmd") ? macros.find("cmd")->value : "");
    seg.newCluster = segments->empty() || exe != lastExecutable || cmd != lastCmd;
    lastExecutable = exe;
    lastCmd = cmd;
    auto expanded = macros.expand((*q)->args);
    if (!expanded) return atLine(expanded.error(), seg.line);
    auto parsed = parseQueueArgs(*expanded);
    if (!parsed) return atLine(parsed.error(), seg.line);
    seg.args = std::move(*parsed);
    if (seg.args.itemsFile == "<") {
      if (auto s = reader.readInlineItems(seg.args, seg.line); !s) return failure(s.error());
    }
    if (auto s = loadExternalItems(seg.args, options); !s) return atLine(s.error(), seg.line);
    segments->push_back(std::move(seg));
  }
  return SubmitFile(std::move(base), std::move(macros), std::move(segments));
}

long long SubmitFile::procCount() const {
  long long n = 0;
  for (const auto& seg : *segments_) n += static_cast<long long>(seg.args.count) * seg.args.itemCount();
  return n;
}

ProcIterator SubmitFile::procs(long long cluster) const { return ProcIterator(base_, segments_, ProcStyle::CondorSubmit, cluster, 0); }

}  // namespace htcondor::submit
