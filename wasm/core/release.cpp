#include "release.hpp"

#include <charconv>

#include "package_version.hpp"

namespace htcondor {

namespace {

constexpr std::string_view kVersionPrefix = "$CondorVersion: ";

// Parses one decimal component and moves `text` past it.
std::optional<int> takeNumber(std::string_view& text) {
  int value = 0;
  auto [end, err] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (err != std::errc{} || end == text.data()) return std::nullopt;
  text.remove_prefix(static_cast<size_t>(end - text.data()));
  return value;
}

bool takeChar(std::string_view& text, char c) {
  if (text.empty() || text.front() != c) return false;
  text.remove_prefix(1);
  return true;
}

constexpr std::string_view kArch =
#if defined(__wasm64__)
    "WASM64";
#elif defined(__wasm32__)
    "WASM32";
#elif defined(__x86_64__)
    "X86_64";
#elif defined(__aarch64__)
    "AARCH64";
#else
    "UNKNOWN";
#endif

constexpr std::string_view kOs =
#if defined(__EMSCRIPTEN__)
    "WebAssembly";
#elif defined(__linux__)
    "Linux";
#elif defined(__APPLE__)
    "macOS";
#else
    "Unknown";
#endif

}  // namespace

std::string Release::str() const {
  return std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch);
}

std::string versionBanner(Release release) {
  std::string banner(kVersionPrefix);
  banner += release.str();
  banner += ' ';
  banner += kBuildDate;
  banner += " BuildID: htcondor-wasm-";
  banner += kPackageVersion;
  banner += " $";
  return banner;
}

std::optional<Release> parseVersionBanner(std::string_view banner) {
  if (!banner.starts_with(kVersionPrefix)) return std::nullopt;
  std::string_view rest = banner.substr(kVersionPrefix.size());
  Release r;
  auto major = takeNumber(rest);
  if (!major || !takeChar(rest, '.')) return std::nullopt;
  auto minor = takeNumber(rest);
  if (!minor || !takeChar(rest, '.')) return std::nullopt;
  auto patch = takeNumber(rest);
  if (!patch || !takeChar(rest, ' ')) return std::nullopt;
  if (*major < 6 || *minor < 0 || *minor > 99 || *patch < 0 || *patch > 99) return std::nullopt;
  if (rest.find(" $") == std::string_view::npos) return std::nullopt;
  r.major = *major;
  r.minor = *minor;
  r.patch = *patch;
  return r;
}

std::string platformBanner() {
  std::string banner = "$CondorPlatform: ";
  banner += kArch;
  banner += '-';
  banner += kOs;
  banner += " $";
  return banner;
}

}  // namespace htcondor
