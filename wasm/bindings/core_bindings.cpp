// The embind surface of the core. Thin by rule: it forwards to core functions and holds no logic.
#include <emscripten/bind.h>

#include <string>

#include "core/release.hpp"

namespace {
std::string version() { return htcondor::versionBanner(); }
std::string platform() { return htcondor::platformBanner(); }
}  // namespace

EMSCRIPTEN_BINDINGS(htcondor_core) {
  emscripten::function("version", &version);
  emscripten::function("platform", &platform);
}
