// The embind surface of the submit language (wasm/submit/). The host (src/htcondor/submit/)
// answers file questions synchronously and gives the facts condor_submit takes from outside the
// description; errors come back as {error, line} objects the TypeScript side raises. Job ads
// cross one at a time as ad handles; items in batches.
#include <emscripten/bind.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "classad/tree_build.hpp"
#include "config/config_text.hpp"
#include "core/release.hpp"
#include "handles.hpp"
#include "host_values.hpp"
#include "submit/dag_submit_description.hpp"
#include "submit/dry_run.hpp"
#include "submit/job_ad_builder.hpp"
#include "submit/job_stream.hpp"
#include "submit/factory_digest.hpp"
#include "submit/factory_submit.hpp"
#include "submit/submit_calls.hpp"
#include "submit/submit_description.hpp"
#include "submit/submit_facts_config.hpp"

namespace {

using emscripten::val;
namespace sub = htcondor::submit;
namespace cfg = htcondor::config;
using htcondor::bindings::bytes;
using htcondor::bindings::environment;
using htcondor::bindings::fileAccess;
using htcondor::bindings::strings;

val failed(const sub::SubmitError& e) {
  val out = val::object();
  out.set("error", e.message);
  if (e.line > 0) out.set("line", e.line);
  return out;
}

// The host's answers and facts, as the reader (SubmitOptions) and the job-ad builder
// (SubmitFacts) take them.
struct Host {
  sub::SubmitOptions options;
  sub::SubmitFacts facts;
};

Host hostOf(const val& host) {
  Host h;
  const val fileSize = host["fileSize"];
  const val isDirectory = host["isDirectory"];
  const val param = host["param"];
  h.options.files = fileAccess(host);
  h.options.environment = environment(host["environment"]);
  h.options.directory = host["cwd"].as<std::string>();
  const val submitFile = host["submitFile"];
  if (submitFile.isString()) h.options.submitFile = submitFile.as<std::string>();
  const val runCommand = host["runCommand"];
  if (!runCommand.isUndefined()) {
    h.options.runCommand = [runCommand, cwd = h.options.directory](const std::string& command) -> std::optional<std::string> {
      return bytes(runCommand(command, cwd));
    };
  }
  h.options.defaults.arch = host["arch"].as<std::string>();
  h.options.defaults.opsys = host["opsys"].as<std::string>();

  h.facts = sub::factsFromConfig([param](std::string_view name) -> std::optional<std::string> {
    const val v = param(std::string(name));
    return v.isString() ? std::optional(v.as<std::string>()) : std::nullopt;
  });
  h.facts.user = host["user"].as<std::string>();
  h.facts.cwd = h.options.directory;
  if (submitFile.isString()) h.facts.submitFile = submitFile.as<std::string>();
  h.facts.arch = h.options.defaults.arch;
  h.facts.opsys = h.options.defaults.opsys;
  h.facts.condorVersion = htcondor::versionBanner();
  h.facts.condorPlatform = htcondor::platformBanner();
  h.facts.environment = h.options.environment;
  h.facts.fileSize = [fileSize](const std::string& path) -> std::optional<int64_t> {
    const val v = fileSize(path);
    return v.isNumber() ? std::optional(static_cast<int64_t>(v.as<double>())) : std::nullopt;
  };
  h.facts.isDirectory = [isDirectory](const std::string& path) { return isDirectory(path).as<bool>(); };
  h.facts.readFile = h.options.files.readFile;
  const val euid = host["euid"];
  if (euid.isNumber()) h.facts.euid = euid.as<int>();
  return h;
}

// A reading error as Python states it, or, where 23.9.6 left that empty, condor_submit's detail.
val readFailed(const sub::ReadError& e) {
  return failed({e.error.message.empty() ? e.detail : e.error.message, e.error.line});
}

// condor_submit's form: "on Line N of submit file: <message>".
val toolFailed(const sub::ReadError& e) {
  const std::string what = e.error.message.empty() ? e.detail : e.error.message;
  if (e.error.line <= 0) return failed(e.error);
  const std::string gap = e.error.message.empty() ? "\n" : "";
  return failed({"on Line " + std::to_string(e.error.line) + " of submit file: " + gap + what, e.error.line});
}

// The facts for one submit: each file's size asked once, as a submit of many procs would
// otherwise stat the executable for every proc.
sub::SubmitFacts oneSubmit(sub::SubmitFacts facts) {
  auto sizes = std::make_shared<std::map<std::string, std::optional<int64_t>>>();
  facts.fileSize = [ask = std::move(facts.fileSize), sizes](const std::string& path) {
    if (auto it = sizes->find(path); it != sizes->end()) return it->second;
    return sizes->emplace(path, ask(path)).first->second;
  };
  return facts;
}

val itemValue(const sub::ItemData& item) {
  if (!item.isMap) return val(item.text);
  val out = val::object();
  for (const auto& [k, v] : item.fields) out.set(k, v);
  return out;
}

class ItemsHandle {
 public:
  explicit ItemsHandle(std::vector<sub::ItemData> items) : items_(std::move(items)) {}
  val next(int max) {
    val out = val::array();
    for (int i = 0; i < max && at_ < items_.size(); ++i) out.call<void>("push", itemValue(items_[at_++]));
    return out;
  }

 private:
  std::vector<sub::ItemData> items_;
  size_t at_ = 0;
};

// A deep copy for the caller, who may change it (and inserting sets the expressions' scope).
val adCopy(const std::shared_ptr<htcondor::classad::ClassAd>& ad) {
  if (!ad) return val::null();
  auto copy = std::make_shared<htcondor::classad::ClassAd>();
  for (const auto& [name, expr] : ad->attributes()) copy->insert(name, htcondor::classad::deepCopy(*expr));
  return val(std::make_shared<htcondor::bindings::Ad>(htcondor::bindings::Ad{std::move(copy)}));
}

class JobsHandle {
 public:
  JobsHandle(sub::ProcIterator procs, sub::SubmitFacts facts, bool procsOnly) : stream_(std::move(procs), std::move(facts), procsOnly) {}
  val next() {
    auto ad = stream_.next();
    if (!ad) return failed(ad.error());
    return *ad ? val(std::make_shared<htcondor::bindings::Ad>(htcondor::bindings::Ad{*ad})) : val::null();
  }
  val clusterAd() const { return adCopy(stream_.clusterAd()); }
  sub::JobStream& stream() { return stream_; }

 private:
  sub::JobStream stream_;
};

// An item of the caller's item data: a string, an array of strings, or an object of strings.
val feed(sub::JobStream& jobs, const val& item) {
  std::vector<std::pair<std::string, std::string>> values;
  if (item.isString()) {
    values.emplace_back("", item.as<std::string>());
  } else if (item.isArray()) {
    const int n = item["length"].as<int>();
    for (int i = 0; i < n; ++i) values.emplace_back(std::to_string(i), item[i].as<std::string>());
  } else {
    const val keys = val::global("Object").call<val>("keys", item);
    const int n = keys["length"].as<int>();
    for (int i = 0; i < n; ++i) {
      const std::string k = keys[i].as<std::string>();
      if (!item[k].isString()) return failed({"itemdata values must be strings; " + k + " is not"});
      values.emplace_back(k, item[k].as<std::string>());
    }
  }
  auto fed = jobs.feed(values);
  return fed ? val::null() : failed(fed.error());
}

// Schedd.submit's side of a submission: its jobs as batches of queue calls.
class SubmitCallsHandle {
 public:
  explicit SubmitCallsHandle(sub::SubmitCalls calls) : calls_(std::move(calls)) {}
  // {procs, calls: Uint8Array} for up to `maxProcs` more procs; procs 0: none left for now.
  val write(int maxProcs) {
    htcondor::protocol::QmgmtCallWriter out;
    auto written = calls_.write(out, maxProcs);
    if (!written) return failed(written.error());
    val result = val::object();
    result.set("procs", *written);
    result.set("calls", htcondor::bindings::uint8Array(out.take()));
    return result;
  }
  val clusterAd() const { return adCopy(calls_.clusterAd()); }
  sub::SubmitCalls& calls() { return calls_; }

 private:
  sub::SubmitCalls calls_;
};

class SubmitHandle {
 public:
  explicit SubmitHandle(const val& host) : host_(hostOf(host)), description_(host_.options) {}
  SubmitHandle(Host host, sub::SubmitDescription description) : host_(std::move(host)), description_(std::move(description)) {}

  val keys() const { return strings(description_.keys()); }
  val get(const std::string& key) const {
    auto v = description_.get(key);
    return v ? val(*v) : val::null();
  }
  void set(const std::string& key, const std::string& value) { description_.set(key, value); }
  bool erase(const std::string& key) { return description_.erase(key); }
  std::string text() const { return description_.str(); }
  val expand(const std::string& key) const {
    auto v = description_.expand(key);
    if (!v) return failed(v.error());
    val out = val::object();
    out.set("value", v->value_or(""));
    return out;
  }
  std::string queueArgs() const { return description_.getQArgs(); }
  val setQueueArgs(const std::string& args) {
    auto s = description_.setQArgs(args);
    return s ? val::null() : failed(s.error());
  }
  val items(const std::string& qargs) const {
    auto items = description_.itemdata(qargs);
    if (!items) return failed(items.error());
    return val(std::make_shared<ItemsHandle>(std::move(*items)));
  }
  int submitMethod() const { return method_; }
  void setSubmitMethod(int value) { method_ = value; }

  // request: {procs, count, clusterId, procId, qdate, owner, itemdata}
  val jobs(const val& request) const {
    sub::ProcOptions po;
    po.cluster = static_cast<long long>(request["clusterId"].as<double>());
    po.firstProc = static_cast<long long>(request["procId"].as<double>());
    po.count = request["count"].as<int>();
    po.external = request["itemdata"].as<bool>();
    auto procs = description_.procs(po);
    if (!procs) return failed(procs.error());
    sub::SubmitFacts facts = jobsFacts(request["qdate"].as<double>());
    const std::string owner = request["owner"].as<std::string>();
    if (!owner.empty()) facts.user = owner;
    return val(std::make_shared<JobsHandle>(std::move(*procs), std::move(facts), request["procs"].as<bool>()));
  }

  // An item of the caller's item data fed to a stream of jobs() or of a submit's calls.
  val feedItem(JobsHandle& jobs, const val& item) const { return feed(jobs.stream(), item); }
  val feedCallsItem(SubmitCallsHandle& calls, const val& item) const { return feed(calls.calls().jobs(), item); }

  // Late materialization, when the description asks for it and the schedd can.
  val wantsFactory() const {
    auto wants = sub::wantsFactory(description_);
    if (!wants) return failed(wants.error());
    return val(*wants);
  }

  // request: {clusterId, count, qdate, spool, rows?: string[], vars?: string[]}. What a late
  // materialization submit sends: the cluster ad's calls, the item rows, the digest.
  val factorySubmit(const val& request) const {
    sub::SubmitFacts facts = jobsFacts(request["qdate"].as<double>());
    std::optional<sub::ExternalItems> external;
    if (request["rows"].isArray()) {
      external.emplace();
      external->rows = emscripten::vecFromJSArray<std::string>(request["rows"]);
      external->vars = emscripten::vecFromJSArray<std::string>(request["vars"]);
    }
    auto made = sub::makeFactorySubmit(description_, std::move(facts), static_cast<long long>(request["clusterId"].as<double>()),
                                       request["count"].as<int>(), external ? &*external : nullptr, request["spool"].as<bool>());
    if (!made) return failed(made.error());
    htcondor::protocol::QmgmtCallWriter calls;
    sub::writeClusterAd(calls, *made->clusterAd);
    val out = val::object();
    out.set("calls", htcondor::bindings::uint8Array(calls.take()));
    out.set("clusterAd", adCopy(made->clusterAd));
    out.set("rows", made->rows);
    out.set("jobs", static_cast<double>(made->jobs));
    out.set("maxMaterialize", static_cast<double>(made->maxMaterialize));
    out.set("digest", made->digest);
    out.set("count", static_cast<double>(made->count));
    out.set("vars", strings(made->vars));
    return out;
  }

  // request: {count, clusterId, qdate, itemdata, spool}. The calls that create the jobs of a
  // cluster the schedd already made.
  val submitCalls(const val& request) const {
    sub::ProcOptions po;
    po.cluster = static_cast<long long>(request["clusterId"].as<double>());
    po.firstProc = 0;
    po.count = request["count"].as<int>();
    po.external = request["itemdata"].as<bool>();
    auto procs = description_.procs(po);
    if (!procs) return failed(procs.error());
    sub::SubmitFacts facts = jobsFacts(request["qdate"].as<double>());
    sub::JobStream jobs(std::move(*procs), std::move(facts), false);
    return val(std::make_shared<SubmitCallsHandle>(sub::SubmitCalls(std::move(jobs), request["spool"].as<bool>())));
  }

 private:
  // What the Python bindings' jobs and submits take from outside the description.
  sub::SubmitFacts jobsFacts(double qdate) const {
    sub::SubmitFacts facts = oneSubmit(sub::pythonJobsFacts(host_.facts));
    facts.submitMethod = method_ >= 0 ? std::optional(method_) : std::nullopt;
    facts.qdate = static_cast<int64_t>(qdate);
    return facts;
  }

  Host host_;
  sub::SubmitDescription description_;
  int method_ = 2;  // JSM_PYTHON_BINDINGS
};

val parseSubmit(const std::string& text, const val& host) {
  Host h = hostOf(host);
  auto description = sub::SubmitDescription::fromText(text, h.options);
  if (!description) return readFailed(description.error());
  return val(std::make_shared<SubmitHandle>(std::move(h), std::move(*description)));
}

val dryRun(const std::string& text, const val& host) {
  Host h = hostOf(host);
  auto file = sub::SubmitFile::read(text, h.options);
  if (!file) return toolFailed(file.error());
  auto run = sub::dryRun(*file, oneSubmit(h.facts));
  if (!run) return failed(run.error());
  val out = val::object();
  out.set("output", run->output);
  out.set("jobs", static_cast<double>(run->jobs));
  out.set("warnings", strings(run->warnings));
  return out;
}

// Submit.from_dag: options as [name, value] pairs, typed as Python would type them.
val dagSubmitDescription(const std::string& dagFile, const val& options, const val& host) {
  Host h = hostOf(host);
  namespace dag = sub::dag;
  dag::DagFacts facts = dag::defaultDagFacts();
  facts.cwd = h.options.directory;
  for (const auto& [name, value] : h.options.environment) facts.environment.push_back(name + "=" + value);
  facts.files = h.options.files;
  facts.exists = [fileSize = h.facts.fileSize, isDirectory = h.facts.isDirectory](const std::string& path) {
    return fileSize(path).has_value() || isDirectory(path);
  };
  // which(): the first PATH directory holding the program.
  auto which = [&](const std::string& program) -> std::optional<std::string> {
    for (const auto& [name, value] : h.options.environment) {
      if (name != "PATH") continue;
      for (const auto& dir : cfg::splitList(value, ":")) {
        const std::string candidate = dir + "/" + program;
        if (h.facts.fileSize(candidate)) return candidate;
      }
    }
    return std::nullopt;
  };
  facts.dagmanPath = which("condor_dagman");
  facts.valgrindPath = which("valgrind");
  const val param = host["param"];
  auto knob = [&](const char* name) -> std::optional<std::string> {
    const val v = param(std::string(name));
    return v.isString() && !v.as<std::string>().empty() ? std::optional(v.as<std::string>()) : std::nullopt;
  };
  auto flag = [&](const char* name, bool& into) {
    if (auto v = knob(name)) into = cfg::lowerCase(*v) == "true" || *v == "1" || cfg::lowerCase(*v) == "yes";
  };
  facts.config.insertSubFile = knob("DAGMAN_INSERT_SUB_FILE");
  flag("DAGMAN_COPY_TO_SPOOL", facts.config.copyToSpool);
  flag("DAGMAN_AUTO_RESCUE", facts.config.autoRescue);
  facts.config.managerJobAppendGetenv = knob("DAGMAN_MANAGER_JOB_APPEND_GETENV");
  facts.config.onExitRemove = knob("DAGMAN_ON_EXIT_REMOVE");
  if (auto v = knob("DAGMAN_MAX_RESCUE_NUM")) facts.config.maxRescueNum = std::max(0, std::min(999, std::atoi(v->c_str())));

  std::vector<dag::FromDagOption> entries;
  const int n = options["length"].as<int>();
  for (int i = 0; i < n; ++i) {
    const val value = options[i][1];
    dag::PythonValue typed = dag::OtherPythonType{};
    if (value.isString()) typed = value.as<std::string>();
    else if (value.isTrue() || value.isFalse()) typed = value.as<bool>();
    else if (value.isNumber() && val::global("Number").call<bool>("isSafeInteger", value)) typed = static_cast<long long>(value.as<double>());
    entries.push_back({options[i][0].as<std::string>(), typed});
  }
  auto made = dag::fromDag(dagFile, entries, facts);
  if (!made) {
    val out = failed({made.error().message});
    out.set("type", std::string(dag::errorClassName(made.error().kind)));
    return out;
  }
  val out = val::object();
  out.set("text", made->description);
  return out;
}

}  // namespace

EMSCRIPTEN_BINDINGS(htcondor_submit) {
  using namespace emscripten;
  class_<ItemsHandle>("ItemsHandle").smart_ptr<std::shared_ptr<ItemsHandle>>("ItemsHandlePtr").function("next", &ItemsHandle::next);
  class_<JobsHandle>("JobsHandle")
      .smart_ptr<std::shared_ptr<JobsHandle>>("JobsHandlePtr")
      .function("next", &JobsHandle::next)
      .function("clusterAd", &JobsHandle::clusterAd);
  class_<SubmitCallsHandle>("SubmitCallsHandle")
      .smart_ptr<std::shared_ptr<SubmitCallsHandle>>("SubmitCallsHandlePtr")
      .function("write", &SubmitCallsHandle::write)
      .function("clusterAd", &SubmitCallsHandle::clusterAd);
  class_<SubmitHandle>("SubmitDescription")
      .smart_ptr<std::shared_ptr<SubmitHandle>>("SubmitDescriptionPtr")
      .constructor<const val&>()
      .function("keys", &SubmitHandle::keys)
      .function("get", &SubmitHandle::get)
      .function("set", &SubmitHandle::set)
      .function("erase", &SubmitHandle::erase)
      .function("text", &SubmitHandle::text)
      .function("expand", &SubmitHandle::expand)
      .function("queueArgs", &SubmitHandle::queueArgs)
      .function("setQueueArgs", &SubmitHandle::setQueueArgs)
      .function("items", &SubmitHandle::items)
      .function("submitMethod", &SubmitHandle::submitMethod)
      .function("setSubmitMethod", &SubmitHandle::setSubmitMethod)
      .function("jobs", &SubmitHandle::jobs)
      .function("feedItem", &SubmitHandle::feedItem)
      .function("submitCalls", &SubmitHandle::submitCalls)
      .function("wantsFactory", &SubmitHandle::wantsFactory)
      .function("factorySubmit", &SubmitHandle::factorySubmit)
      .function("feedCallsItem", &SubmitHandle::feedCallsItem);
  function("parseSubmit", &parseSubmit);
  function("factoryQueueLine", +[](double count, const val& vars, const std::string& itemsFile) {
    return sub::factoryQueueLine(static_cast<long long>(count), emscripten::vecFromJSArray<std::string>(vars), itemsFile);
  });
  function("dryRun", &dryRun);
  function("dagSubmitDescription", &dagSubmitDescription);
}
