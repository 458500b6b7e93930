// The job-ad builder's command families beyond the corpus, checked against condor_submit 23.9.6.
#include <doctest/doctest.h>

#include "classad/unparse.hpp"
#include "submit/job_ad_builder.hpp"
#include "submit_table_lookup.hpp"

namespace {

using namespace htcondor::submit;

SubmitFacts facts() {
  SubmitFacts f;
  f.qdate = 1700000000;
  f.user = "alice";
  f.cwd = "/home/alice";
  f.fileSystemDomain = f.uidDomain = "example.org";
  return f;
}

Result<JobAd> build(const std::string& text) {
  testing::TableLookup lookup(text);
  return makeJobAd(lookup, facts(), 1, 0);
}

std::string attr(const JobAd& job, const char* name) {
  auto e = job.ad->lookup(name);
  return e ? htcondor::classad::unparse(*e, htcondor::classad::Style::Old) : "<none>";
}

}  // namespace

TEST_CASE("submit ads: arguments in both syntaxes") {
  auto v1 = build("executable = /bin/echo\narguments = a \\\"b c\n");
  REQUIRE(v1);
  CHECK(attr(*v1, "Args") == "\"a \\\"b c\"");
  auto v2 = build("executable = /bin/echo\narguments = \"a 'b c' ''\"\n");
  REQUIRE(v2);
  CHECK(attr(*v2, "Arguments") == "\"a b' 'c ''\"");
  auto bad = build("executable = /bin/echo\narguments = \"a\" b\n");
  REQUIRE(!bad);
  CHECK(bad.error().message.rfind("Unexpected characters following double-quote.", 0) == 0);
}

TEST_CASE("submit ads: environment in both syntaxes and env's V1 output") {
  auto v2 = build("executable = /bin/echo\nenvironment = \"B=2 A='x y'\"\n");
  REQUIRE(v2);
  CHECK(attr(*v2, "Environment") == "\"A=x' 'y B=2\"");
  auto v1 = build("executable = /bin/echo\nenv = A=1;B=2\n");
  REQUIRE(v1);
  CHECK(attr(*v1, "Env") == "\"A=1;B=2\"");
  CHECK(attr(*v1, "EnvDelim") == "\";\"");
}

TEST_CASE("submit ads: requests with units and the Requirements they add") {
  auto job = build("executable = /bin/echo\nrequest_memory = 1.5G\nrequest_disk = 2M\nrequest_cpus = 2\nrequest_foo = 3\n");
  REQUIRE(job);
  CHECK(attr(*job, "RequestMemory") == "1536");
  CHECK(attr(*job, "RequestDisk") == "2048");
  CHECK(attr(*job, "Requirements").find("(TARGET.Cpus >= RequestCpus) && (TARGET.foo >= Requestfoo)") != std::string::npos);
}

TEST_CASE("submit ads: universes, notification, limits, accounting") {
  auto bogus = build("universe = quantum\nexecutable = x\n");
  REQUIRE(!bogus);
  CHECK(bogus.error().message == "I don't know about the 'quantum' universe.");
  auto std1 = build("universe = standard\nexecutable = x\n");
  REQUIRE(!std1);
  CHECK(std1.error().message == "'Standard' is not a supported universe.");
  auto vm = build("universe = vm\nexecutable = x\n");
  CHECK(vm);
  auto notif = build("executable = x\nnotification = sometimes\n");
  REQUIRE(!notif);
  CHECK(notif.error().message == "Notification must be 'Never', 'Always', 'Complete', or 'Error'");
  auto acct = build("executable = x\naccounting_group = grp\nconcurrency_limits = B, a:2\n");
  REQUIRE(acct);
  CHECK(attr(*acct, "AccountingGroup") == "\"grp.alice\"");
  CHECK(attr(*acct, "ConcurrencyLimits") == "\"a:2,b\"");
}

TEST_CASE("submit ads: grid, docker and late materialization settings") {
  auto grid = build("universe = grid\ngrid_resource = condor host.example.org schedd.example.org\nexecutable = x\n");
  REQUIRE(grid);
  CHECK(attr(*grid, "Requirements").rfind("(TARGET.Arch == \"X86_64\")", 0) == 0);
  auto docker = build("universe = docker\nexecutable = /bin/ls\n");
  REQUIRE(!docker);
  CHECK(docker.error().message == "docker jobs require a docker_image");
  testing::TableLookup lookup("executable = x\nmax_idle = 5\n");
  auto late = wantsLateMaterialization(lookup);
  REQUIRE(late);
  CHECK(*late);
}
