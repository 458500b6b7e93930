// The late-materialization digest: what the schedd's job factory reads to make each proc.
#include <doctest/doctest.h>

#include <string>

#include "submit/factory_digest.hpp"
#include "submit/factory_submit.hpp"
#include "classad/eval.hpp"
#include "submit/submit_description.hpp"

using namespace htcondor;

namespace {

submit::SubmitDescription describe(const char* text) {
  submit::SubmitOptions options;
  options.directory = "/home/u/jobs";
  auto d = submit::SubmitDescription::fromText(text, options);
  REQUIRE(d);
  return *d;
}

}  // namespace

TEST_CASE("the factory digest expands what does not change per proc and keeps what does") {
  auto d = describe(
      "executable = bin/run\n"
      "base = /data\n"
      "arguments = $(base)/$(x) $(Process) $(Cluster) $INT(2)\n"
      "requirements = Memory > 0\n"
      "getenv = true\n"
      "max_materialize = 2\n");
  auto digest = submit::factoryDigest(d.macros(), 17, {"x"}, "/home/u/jobs");
  REQUIRE(digest);
  const std::string& text = *digest;
  CHECK(text.rfind("FACTORY.Requirements=MY.Requirements\n", 0) == 0);
  CHECK(text.find("executable=/home/u/jobs/bin/run\n") != std::string::npos);
  CHECK(text.find("arguments=/data/$(x) $(Process) 17 $INT(2)\n") != std::string::npos);
  CHECK(text.find("requirements=") == std::string::npos);
  CHECK(text.find("getenv=") == std::string::npos);
  CHECK(text.find("max_materialize=2\n") != std::string::npos);
  CHECK(text.find("FACTORY.Iwd=/home/u/jobs\n") != std::string::npos);
  CHECK(submit::factoryQueueLine(1, {"x"}, "/spool/17/items") == "\nQueue 1 x from /spool/17/items\n");
  CHECK(submit::factoryQueueLine(3, {}, "") == "\nQueue 3 \n");
}

TEST_CASE("a factory submit: the items as rows, the job count and the materialize limit") {
  auto d = describe("executable = /bin/echo\narguments = $(a) $(b)\nmax_materialize = 10\nqueue 2 a,b from (\n1 2\n3 4\n5 6\n)\n");
  auto wants = submit::wantsFactory(d);
  REQUIRE(wants);
  CHECK(*wants);
  submit::SubmitFacts facts;
  facts.cwd = "/home/u/jobs";
  auto made = submit::makeFactorySubmit(d, facts, 4, 0, nullptr, false);
  REQUIRE(made);
  CHECK(made->rows == "1 2\n3 4\n5 6\n");
  CHECK(made->vars == std::vector<std::string>{"a", "b"});
  CHECK(made->count == 2);
  CHECK(made->jobs == 6);
  CHECK(made->maxMaterialize == 6);
  REQUIRE(made->clusterAd);
  CHECK(!made->clusterAd->lookup("ProcId"));

  submit::ExternalItems items{{"x\x1fy"}, {"a", "b"}};
  auto external = submit::makeFactorySubmit(describe("executable = /bin/echo\narguments = $(a)\nmax_idle = 5\n"), facts, 4, 3, &items, true);
  REQUIRE(external);
  CHECK(external->jobs == 3);
  CHECK(external->rows == "x\x1fy\n");
  auto status = classad::evaluateAttr(*external->clusterAd, "HoldReasonCode");
  REQUIRE(status);
  CHECK(status->asInteger() == 16);

  CHECK(!*submit::wantsFactory(describe("executable = /bin/echo\n")));
}
