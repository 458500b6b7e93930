// The HTCondor release this library behaves as. Every version-dependent behaviour asks this
// one value (see docs: ClassAd cycles, condor_submit defaults, security defaults), so that
// supporting a newer release is an addition, not a rewrite.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace htcondor {

struct Release {
  int major = 0;
  int minor = 0;
  int patch = 0;

  friend constexpr auto operator<=>(const Release&, const Release&) = default;
  std::string str() const;
};

// The release emulated when the peer's is not known: the LTS series the conformance corpora
// were recorded on.
inline constexpr Release kDefaultRelease{23, 9, 6};

// "$CondorVersion: X.Y.Z <build date> BuildID: htcondor-wasm-<package version> $". Always
// well formed: a 25.x daemon aborts on a banner whose text after X.Y.Z lacks " $".
std::string versionBanner(Release release = kDefaultRelease);

// Reads X.Y.Z from a peer's banner the way HTCondor does: "$CondorVersion: " then X.Y.Z
// with X >= 6 and Y, Z <= 99, then a space, and " $" somewhere after it. Anything else is
// "no usable version" (HTCondor then treats the peer as very old), never an exception.
std::optional<Release> parseVersionBanner(std::string_view banner);

// "$CondorPlatform: <ARCH>-<OS> $" for the machine the core was compiled for.
std::string platformBanner();

}  // namespace htcondor
