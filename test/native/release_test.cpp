#include <doctest/doctest.h>

#include "core/release.hpp"

using htcondor::Release;
using htcondor::parseVersionBanner;

TEST_CASE("the version banner is well formed and parses back") {
  const std::string banner = htcondor::versionBanner();
  CHECK(banner.starts_with("$CondorVersion: 23.9.6 "));
  CHECK(banner.ends_with(" $"));
  auto parsed = parseVersionBanner(banner);
  REQUIRE(parsed);
  CHECK(*parsed == htcondor::kDefaultRelease);
}

TEST_CASE("peer banners parse as HTCondor reads them") {
  CHECK(parseVersionBanner("$CondorVersion: 25.14.1 2026-10-16 BuildID: x $") == Release{25, 14, 1});
  CHECK(parseVersionBanner("$CondorVersion: 8.9.3 Oct 1 2020 $") == Release{8, 9, 3});
  // No text between the version and " $": HTCondor 25 aborts on this; we reject it.
  CHECK_FALSE(parseVersionBanner("$CondorVersion: 25.14.1 $"));
  CHECK_FALSE(parseVersionBanner("$CondorVersion: 25.14.1 2026-10-16"));
  CHECK_FALSE(parseVersionBanner("$CondorVersion: 5.1.1 x $"));     // major below 6
  CHECK_FALSE(parseVersionBanner("$CondorVersion: 23.100.1 x $"));  // minor above 99
  CHECK_FALSE(parseVersionBanner("$CondorVersion: 23.9 x $"));
  CHECK_FALSE(parseVersionBanner("garbage"));
  CHECK_FALSE(parseVersionBanner(""));
}

TEST_CASE("releases order by major, minor, patch") {
  CHECK(Release{23, 9, 6} < Release{23, 10, 0});
  CHECK(Release{24, 0, 0} > Release{23, 99, 99});
  CHECK(Release{25, 14, 1}.str() == "25.14.1");
}

TEST_CASE("the platform banner names architecture and OS") {
  const std::string banner = htcondor::platformBanner();
  CHECK(banner.starts_with("$CondorPlatform: "));
  CHECK(banner.ends_with(" $"));
  CHECK(banner.find('-') != std::string::npos);
}
