// The submit corpus (shared/conformance/submit, recorded from HTCondor 23.9.6's condor_submit
// -dry-run and Python Submit.jobs()) through the job-ad builder: for every case the cluster ad,
// each proc's delta, the error message, and the Python jobs' ads. Until the submit language is
// merged, only the cases a plain key = value table can read run; the others are listed as skipped.
#include <doctest/doctest.h>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "classad/eval.hpp"
#include "classad/json_parser.hpp"
#include "classad/unparse.hpp"
#include "shared_files.hpp"
#include "submit/job_ad_builder.hpp"
#include "submit_table_lookup.hpp"

namespace {

using htcondor::classad::ClassAd;
using htcondor::classad::Value;
using namespace htcondor::submit;

Value valueOf(const ClassAd& ad, std::string_view name) { return htcondor::classad::evaluateAttr(ad, name).value_or(Value::error()); }
std::string str(const ClassAd& ad, std::string_view name) {
  Value v = valueOf(ad, name);
  return v.isString() ? v.asString() : "";
}
std::shared_ptr<const ClassAd> sub(const ClassAd& ad, std::string_view name) {
  Value v = valueOf(ad, name);
  return v.isClassAd() ? v.asClassAd() : nullptr;
}
std::vector<Value> items(const Value& list) {
  std::vector<Value> out;
  if (!list.isList()) return out;
  for (const auto& item : list.asList()->items()) out.push_back(htcondor::classad::evaluateIn(*item, nullptr).value_or(Value::error()));
  return out;
}

// The description a plain table can stand for: key = value lines and one bare queue.
bool tableReadable(const std::string& text) {
  if (text.find("$") != std::string::npos || text.find('\\') != std::string::npos) return false;
  int queues = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string line = testing::TableLookup::trim(text.substr(pos, end - pos));
    pos = end + 1;
    if (line.empty() || line[0] == '#') continue;
    std::string low = testing::TableLookup::lower(line);
    if (low.rfind("queue", 0) == 0) {
      if (low != "queue") return false;
      ++queues;
      continue;
    }
    if (line.find('=') == std::string::npos) return false;
    std::string key = testing::TableLookup::lower(testing::TableLookup::trim(line.substr(0, line.find('='))));
    if (key == "include" || key.rfind("if ", 0) == 0) return false;
  }
  return queues == 1;
}

SubmitFacts corpusFacts(const ClassAd& expected, const std::string& caseName, int64_t qdate) {
  SubmitFacts f;
  f.qdate = qdate;
  f.user = "corpus";
  f.cwd = "${IWD}";
  f.submitFile = "job.sub";
  f.fileSystemDomain = f.uidDomain = "vm";
  f.condorVersion = "$CondorVersion: 23.9.6 2026-07-12 PackageID: 23.9.6+dfsg-2.1+b10 $";
  f.condorPlatform = "$CondorPlatform: X86_64-Debian_13 $";
  if (auto env = sub(expected, "environment"))
    for (const auto& [name, _] : env->attributes()) f.environment.emplace_back(name, str(*env, name));
  const std::string dir = sharedPath("conformance/submit/cases/" + caseName);
  auto real = [dir](const std::string& path) { return path.rfind("${IWD}", 0) == 0 ? dir + path.substr(6) : path; };
  f.fileSize = [real](const std::string& path) -> std::optional<int64_t> {
    std::error_code ec;
    std::filesystem::path p(real(path));
    if (std::filesystem::is_directory(p, ec)) {
      int64_t total = 0;
      for (const auto& e : std::filesystem::recursive_directory_iterator(p, ec))
        if (e.is_regular_file(ec)) total += static_cast<int64_t>(e.file_size(ec));
      return total;
    }
    auto size = std::filesystem::file_size(p, ec);
    if (ec) return std::nullopt;
    return static_cast<int64_t>(size);
  };
  f.isDirectory = [real](const std::string& path) {
    std::error_code ec;
    return std::filesystem::is_directory(real(path), ec);
  };
  return f;
}

std::set<std::string> volatileNames(const ClassAd& holder, std::string_view listName) {
  std::set<std::string> out;
  for (const Value& v : items(valueOf(holder, listName)))
    if (v.isClassAd()) out.insert(str(*v.asClassAd(), "attr"));
  return out;
}

// Expected {Name: expr-text} against an ad; volatile names need only be present.
void compareAd(const ClassAd& want, const ClassAd& got, const std::set<std::string>& vol, const std::string& where, std::vector<std::string>& problems) {
  for (const auto& [quoted, _] : want.attributes()) {
    // printOld() quotes names that are not identifiers ('1corpus'); dry-run does not.
    const std::string& name = quoted;
    std::string bare = quoted.size() > 2 && quoted.front() == '\'' ? quoted.substr(1, quoted.size() - 2) : quoted;
    auto mine = got.lookup(bare);
    if (!mine) {
      problems.push_back(where + ": missing " + name + " = " + str(want, name));
      continue;
    }
    if (vol.count(name)) continue;
    std::string text = htcondor::classad::unparse(*mine, htcondor::classad::Style::Old);
    if (text != str(want, name)) problems.push_back(where + ": " + name + " = " + text + ", expected " + str(want, name));
  }
  for (const auto& [name, expr] : got.attributes())
    if (!want.lookup(name) && !want.lookup("'" + name + "'")) problems.push_back(where + ": extra " + name + " = " + htcondor::classad::unparse(*expr, htcondor::classad::Style::Old));
}

int64_t rawQdate(const ClassAd& holder, std::string_view listName) {
  for (const Value& v : items(valueOf(holder, listName)))
    if (v.isClassAd() && str(*v.asClassAd(), "attr") == "QDate") return std::atoll(str(*v.asClassAd(), "raw").c_str());
  return 0;
}

struct CaseResult {
  std::string name;
  bool skipped = false;
  std::vector<std::string> problems;
};

CaseResult runCase(const std::string& caseName) {
  CaseResult r{caseName};
  const std::string json = sharedFile("conformance/submit/expected/" + caseName + ".json");
  htcondor::classad::JsonParser parser(json);
  auto expected = parser.parseClassAd();
  REQUIRE(expected);
  const std::string text = str(*expected, "submit_text");
  if (!tableReadable(text)) {
    r.skipped = true;
    return r;
  }
  testing::TableLookup lookup(text);
  auto cs = sub(*expected, "condor_submit");
  const bool ok = valueOf(*cs, "exit_code").isInteger() && valueOf(*cs, "exit_code").asInteger() == 0;
  auto clusters = items(valueOf(*cs, "clusters"));
  int64_t qdate = clusters.empty() ? 0 : rawQdate(*clusters[0].asClassAd(), "volatile");
  SubmitFacts facts = corpusFacts(*expected, caseName, qdate);
  auto job = makeJobAd(lookup, facts, 1, 0);
  if (!ok) {
    std::string stderrText = str(*cs, "stderr");
    if (job) r.problems.push_back("made an ad; condor_submit failed with " + stderrText);
    else if (stderrText.find(job.error().message) == std::string::npos) r.problems.push_back("error '" + job.error().message + "', condor_submit said " + stderrText);
  } else if (!job) {
    r.problems.push_back("error: " + job.error().message);
  } else {
    const ClassAd& c0 = *clusters.at(0).asClassAd();
    auto cluster = clusterAdOf(*job->ad);
    compareAd(*sub(c0, "cluster_ad"), *cluster, volatileNames(c0, "volatile"), "cluster ad", r.problems);
    for (const Value& p : items(valueOf(c0, "procs"))) {
      auto delta = procDelta(*cluster, *job->ad);
      compareAd(*sub(*p.asClassAd(), "delta"), *delta, volatileNames(*p.asClassAd(), "delta_volatile"), "proc 0 delta", r.problems);
    }
  }
  // Python Submit.jobs().
  auto py = sub(*expected, "python");
  auto jobs = py ? sub(*py, "jobs") : nullptr;
  if (jobs && valueOf(*jobs, "ok").isBoolean()) {
    SubmitFacts pyFacts = pythonJobsFacts(facts);
    pyFacts.qdate = 1700000000;
    auto pyJob = makeJobAd(lookup, pyFacts, 1, 0);
    if (valueOf(*jobs, "ok").asBoolean()) {
      auto ads = items(valueOf(*jobs, "value"));
      if (!pyJob) r.problems.push_back("python: error " + pyJob.error().message);
      else if (!ads.empty()) compareAd(*sub(*ads[0].asClassAd(), "ad"), *pyJob->ad, volatileNames(*ads[0].asClassAd(), "volatile"), "python jobs[0]", r.problems);
    } else if (auto err = sub(*jobs, "error")) {
      std::string msg = str(*err, "message");
      if (pyJob && msg != "") r.problems.push_back("python: made an ad; expected error " + msg);
      else if (!pyJob && msg != "Failed to get next job" && msg.find(pyJob.error().message) == std::string::npos)
        r.problems.push_back("python: error '" + pyJob.error().message + "', expected " + msg);
    }
  }
  return r;
}

}  // namespace

TEST_CASE("submit corpus: job ads, proc deltas, errors and Python jobs as 23.9.6's") {
  const std::string json = sharedFile("conformance/submit/index.json");
  htcondor::classad::JsonParser parser(json);
  auto index = parser.parseClassAd();
  REQUIRE(index);
  int passed = 0, failed = 0, skipped = 0;
  std::string report;
  for (const Value& c : items(valueOf(*index, "cases"))) {
    const std::string name = str(*c.asClassAd(), "case");
    CaseResult r = runCase(name);
    if (r.skipped) {
      ++skipped;
      report += "  skip " + name + " (needs the submit language)\n";
    } else if (r.problems.empty()) {
      ++passed;
      report += "  pass " + name + "\n";
    } else {
      ++failed;
      report += "  FAIL " + name + "\n";
      for (const auto& p : r.problems) report += "       " + p + "\n";
    }
  }
  MESSAGE("submit corpus: " << passed << " passed, " << failed << " failed, " << skipped << " skipped\n" << report);
  CHECK(failed == 0);
}
