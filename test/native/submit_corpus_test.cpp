// The submit-description corpus (shared/conformance/submit, recorded from HTCondor 23.9.6's
// condor_submit -dry-run and Python bindings): the language's part of every case. Python's
// constructor, keys, raw values, str(), getQArgs(), itemdata(), expand() and setQArgs() probes;
// condor_submit's parse-time errors and the number of procs. Where 23.9.6 hung or exited
// (process_terminated), an error is expected instead.
#include <doctest/doctest.h>

#include <regex>
#include <string>
#include <vector>

#include "classad/eval.hpp"
#include "classad/json_parser.hpp"
#include "classad/unparse.hpp"
#include "shared_files.hpp"
#include "submit/submit_description.hpp"
#include "submit_test_files.hpp"

namespace {

using htcondor::classad::ClassAd;
using htcondor::classad::Value;
using namespace htcondor::submit;

const std::string kHome = "/home/corpus";
const std::string kNullMessage = "basic_string: construction from null is not valid";

Value valueOf(const ClassAd& ad, std::string_view name) { return htcondor::classad::evaluateAttr(ad, name).value_or(Value::error()); }
std::string str(const ClassAd& ad, std::string_view name) {
  Value v = valueOf(ad, name);
  return v.isString() ? v.asString() : "";
}
const ClassAd* child(const ClassAd& ad, std::string_view name) {
  Value v = valueOf(ad, name);
  return v.isClassAd() ? v.asClassAd().get() : nullptr;
}
std::vector<Value> items(const Value& list) {
  std::vector<Value> out;
  if (!list.isList()) return out;
  for (const auto& item : list.asList()->items()) out.push_back(htcondor::classad::evaluateIn(*item, nullptr).value_or(Value::error()));
  return out;
}

struct Case {
  std::string name, dir, text;
  std::string subst(std::string s) const {
    for (auto [from, to] : {std::pair<std::string, std::string>{"${IWD}", dir}, {"${HOME}", kHome}}) {
      for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
    }
    return s;
  }
};

SubmitOptions optionsFor(const Case& c, const ClassAd& expected, bool condorSubmit) {
  SubmitOptions o;
  if (const ClassAd* env = child(expected, "environment"))
    for (const auto& [name, expr] : env->attributes()) o.environment.emplace_back(name, c.subst(str(*env, name)));
  o.files = realFiles();
  o.directory = c.dir;
  o.runCommand = shellRunner(c.dir);
  if (condorSubmit) o.submitFile = "job.sub";
  return o;
}

// The step's expected outcome: ok with a value, or an error message, or a terminated process.
struct Step {
  bool present = false, ok = false, terminated = false;
  Value value;
  std::string message;
};
Step step(const ClassAd* parent, std::string_view name) {
  Step s;
  if (!parent) return s;
  const ClassAd* st = child(*parent, name);
  if (!st) return s;
  s.present = true;
  s.ok = valueOf(*st, "ok").isBoolean() && valueOf(*st, "ok").asBoolean();
  s.value = valueOf(*st, "value");
  if (const ClassAd* err = child(*st, "error")) s.message = str(*err, "message");
  s.terminated = child(*st, "process_terminated") != nullptr;
  return s;
}

void checkItemdata(const Case& c, const Step& want, const Result<std::vector<ItemData>>& got, std::vector<std::string>& problems,
                   const std::string& where) {
  if (!want.present) return;
  if (!want.ok) {
    if (got) problems.push_back(where + ": expected error '" + want.message + "'");
    else if (got.error().message != want.message) problems.push_back(where + ": error '" + got.error().message + "', expected '" + want.message + "'");
    return;
  }
  if (!got) {
    problems.push_back(where + ": unexpected error " + got.error().message);
    return;
  }
  const auto expected = items(want.value);
  if (expected.size() != got->size()) {
    problems.push_back(where + ": " + std::to_string(got->size()) + " items, expected " + std::to_string(expected.size()));
    return;
  }
  for (size_t i = 0; i < expected.size(); ++i) {
    const ClassAd& typed = *expected[i].asClassAd();
    const ItemData& item = (*got)[i];
    if (str(typed, "type") == "str") {
      if (item.isMap || item.text != c.subst(str(typed, "value"))) problems.push_back(where + "[" + std::to_string(i) + "]: '" + item.text + "'");
    } else {
      const ClassAd* fields = child(typed, "value");
      size_t n = 0;
      for (const auto& [name, expr] : fields->attributes()) {
        ++n;
        const ClassAd* f = child(*fields, name);
        bool found = false;
        for (const auto& [k, v] : item.fields)
          if (k == name && v == c.subst(str(*f, "value"))) found = true;
        if (!found) problems.push_back(where + "[" + std::to_string(i) + "]." + name + " differs");
      }
      if (!item.isMap || n != item.fields.size()) problems.push_back(where + "[" + std::to_string(i) + "]: field count differs");
    }
  }
}

void checkString(const Case& c, const Step& want, const std::string& got, std::vector<std::string>& problems, const std::string& where) {
  if (!want.present || !want.ok) return;
  const std::string expected = c.subst(want.value.asString());
  if (got != expected) problems.push_back(where + ": '" + got + "', expected '" + expected + "'");
}

void checkPython(const Case& c, const ClassAd& expected, std::vector<std::string>& problems) {
  const ClassAd* py = child(expected, "python");
  REQUIRE(py);
  const Step ctor = step(py, "constructor");
  auto made = SubmitDescription::fromText(c.text, optionsFor(c, expected, false));
  if (!ctor.ok) {
    if (made) problems.push_back("constructor: expected error '" + ctor.message + "'");
    else if (made.error().error.message != ctor.message) problems.push_back("constructor: error '" + made.error().error.message + "', expected '" + ctor.message + "'");
    return;
  }
  if (!made) {
    problems.push_back("constructor: unexpected error '" + made.error().error.message + "'");
    return;
  }
  const SubmitDescription& sub = *made;
  // keys, raw values
  std::vector<std::string> wantKeys;
  for (const Value& k : items(valueOf(*py, "keys"))) wantKeys.push_back(k.asString());
  if (wantKeys != sub.keys()) {
    std::string got;
    for (const auto& k : sub.keys()) got += k + ",";
    problems.push_back("keys: " + got);
  }
  if (const ClassAd* raw = child(*py, "raw_values")) {
    for (const auto& [name, expr] : raw->attributes()) {
      auto v = sub.get(name);
      if (!v || *v != c.subst(str(*raw, name))) problems.push_back("raw_values." + name + ": '" + v.value_or("<none>") + "'");
    }
  }
  checkString(c, step(py, "str"), sub.str(), problems, "str");
  checkString(c, step(py, "getQArgs"), sub.getQArgs(), problems, "getQArgs");
  checkItemdata(c, step(py, "itemdata"), sub.itemdata(), problems, "itemdata");
  if (const ClassAd* ex = child(*py, "expand")) {
    for (const auto& [name, expr] : ex->attributes()) {
      const Step want = step(ex, name);
      auto got = sub.expand(name);
      const std::string where = "expand(" + name + ")";
      if (want.terminated) {
        if (got) problems.push_back(where + ": 23.9.6 ended the process; expected an error, got '" + got->value_or("<null>") + "'");
      } else if (!want.ok) {
        if (want.message == kNullMessage) {
          if (!got || *got) problems.push_back(where + ": expected NULL");
        } else if (got || got.error().message != want.message) {
          problems.push_back(where + ": expected error " + want.message);
        }
      } else if (!got || !*got || **got != c.subst(want.value.asString())) {
        problems.push_back(where + ": '" + (got ? got->value_or("<null>") : "error " + got.error().message) + "', expected '" +
                           c.subst(want.value.asString()) + "'");
      }
    }
  }
  for (const Value& probeValue : items(valueOf(*py, "setQArgs_probes"))) {
    const ClassAd& probe = *probeValue.asClassAd();
    auto fresh = SubmitDescription::fromText(c.text, optionsFor(c, expected, false));
    REQUIRE(fresh);
    const std::string arg = str(probe, "arg");
    auto s = fresh->setQArgs(arg);
    const std::string where = "setQArgs(" + arg + ")";
    if (!s) {
      problems.push_back(where + ": " + s.error().message);
      continue;
    }
    checkString(c, step(&probe, "getQArgs"), fresh->getQArgs(), problems, where + ".getQArgs");
    checkString(c, step(&probe, "str"), fresh->str(), problems, where + ".str");
    checkItemdata(c, step(&probe, "itemdata"), fresh->itemdata(), problems, where + ".itemdata");
  }
}

// Whether any defined name fails to expand for some proc (the error condor_submit reports at
// queue time, or where it hung).
std::optional<SubmitError> firstProcError(const SubmitFile& file) {
  ProcIterator it = file.procs();
  for (int n = 0; n < 1000 && it.next(); ++n)
    for (const std::string& name : it.names())
      if (auto r = it.param(name); !r) return r.error();
  return std::nullopt;
}

void checkCondorSubmit(const Case& c, const ClassAd& expected, std::vector<std::string>& problems) {
  const ClassAd* cs = child(expected, "condor_submit");
  REQUIRE(cs);
  const Value exit = valueOf(*cs, "exit_code");
  const std::string err = str(*cs, "stderr");
  const std::string out = str(*cs, "stdout");
  auto file = SubmitFile::read(c.text, optionsFor(c, expected, true));
  static const std::regex parseError(R"(ERROR: on Line (\d+) of submit file: ([^\n]*)\n)");
  static const std::regex queueError(R"(ERROR at Queue statement on Line (\d+): ([^\n]*)\n)");
  std::smatch m;
  if (std::regex_search(err, m, parseError)) {
    const int line = std::stoi(m[1]);
    const std::string message = m[2];
    if (file) {
      problems.push_back("condor_submit: expected parse error '" + message + "' on line " + std::to_string(line));
    } else {
      if (file.error().error.message != message) problems.push_back("condor_submit: error '" + file.error().error.message + "', expected '" + message + "'");
      if (file.error().error.line != line) problems.push_back("condor_submit: error line " + std::to_string(file.error().error.line) + ", expected " + std::to_string(line));
      // The error-stack lines after the message, if any.
      const size_t after = static_cast<size_t>(m.position(0) + m.length(0));
      const size_t end = err.find("\nERROR: Failed to parse", after);
      const std::string detail = err.substr(after, end == std::string::npos ? std::string::npos : end - after);
      std::string gotDetail = file.error().detail;
      if (!gotDetail.empty()) gotDetail += "\n";
      if (gotDetail != detail) problems.push_back("condor_submit: detail '" + file.error().detail + "', expected '" + detail + "'");
    }
    return;
  }
  if (!file) {
    problems.push_back("condor_submit: unexpected parse error '" + file.error().error.message + "' detail '" + file.error().detail + "'");
    return;
  }
  if (std::regex_search(err, m, queueError) || (valueOf(*cs, "timed_out").isBoolean() && valueOf(*cs, "timed_out").asBoolean())) {
    auto e = firstProcError(*file);
    if (!e) problems.push_back("condor_submit: expected an expansion error while making procs");
    else if (m.size() > 2 && m[2].matched && e->message != std::string(m[2])) problems.push_back("condor_submit: proc error '" + e->message + "', expected '" + std::string(m[2]) + "'");
    return;
  }
  // The proc count: the dry-run's procs, or stdout's count under late materialization.
  long long want = static_cast<long long>(valueOf(*cs, "job_count").asInteger());
  static const std::regex submitted(R"((\d+) job\(s\) dry-run)");
  if (std::regex_search(out, m, submitted)) want = std::stoll(m[1]);
  else if (!exit.isInteger() || exit.asInteger() != 0) return;  // failed while making job ads: not the language's
  if (file->procCount() != want) problems.push_back("condor_submit: " + std::to_string(file->procCount()) + " procs, expected " + std::to_string(want));
  long long n = 0;
  for (ProcIterator it = file->procs(); it.next();) ++n;
  if (n != want) problems.push_back("condor_submit: iteration made " + std::to_string(n) + " procs, expected " + std::to_string(want));
}

}  // namespace

TEST_CASE("submit corpus: the language parts of every case") {
  const std::string indexText = sharedFile("conformance/submit/index.json");
  htcondor::classad::JsonParser indexParser(indexText);
  auto index = indexParser.parseClassAd();
  REQUIRE(index);
  int cases = 0, clean = 0;
  std::vector<std::string> report;
  for (const Value& entry : items(valueOf(*index, "cases"))) {
    const std::string name = str(*entry.asClassAd(), "case");
    const std::string expectedText = sharedFile("conformance/submit/expected/" + name + ".json");
    htcondor::classad::JsonParser parser(expectedText);
    auto expected = parser.parseClassAd();
    REQUIRE(expected);
    Case c{name, sharedPath("conformance/submit/cases/" + name), str(*expected, "submit_text")};
    std::vector<std::string> problems;
    checkPython(c, *expected, problems);
    checkCondorSubmit(c, *expected, problems);
    ++cases;
    if (problems.empty()) ++clean;
    for (const auto& p : problems) report.push_back(name + ": " + p);
  }
  for (const auto& line : report) MESSAGE(line);
  MESSAGE(clean << " of " << cases << " cases match");
  CHECK(report.empty());
  CHECK(cases > 100);
}
