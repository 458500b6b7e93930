// The embind surface of the caller's security settings: security(settings) reads the worker's
// settings object (worker/security.ts) into a Security handle the operations take, or names
// what is wrong with it.
#include <emscripten/bind.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "bindings/security_handle.hpp"
#include "security/lazy_secret.hpp"
#include "security/policy.hpp"

namespace {

using emscripten::val;
using htcondor::bindings::Security;
namespace sec = htcondor::security;

// A string property, or "" where it is not a string.
std::string stringField(const val& object, const char* name) {
  const val v = object[name];
  return v.isString() ? v.as<std::string>() : std::string();
}

// A secret given as text, or a function the host answers with the text or undefined when a
// handshake looks for it.
sec::LazySecret secret(const val& v) {
  if (v.isString()) return v.as<std::string>();
  if (v.typeOf().as<std::string>() != "function") return {};
  return sec::LazySecret::found([v]() -> std::optional<std::string> {
    const val found = v();
    if (!found.isString()) return std::nullopt;
    return found.as<std::string>();
  });
}

val security(const val& s) {
  val out = val::object();
  sec::PolicySettings settings{stringField(s, "authentication"), stringField(s, "encryption"),
                               stringField(s, "integrity"), stringField(s, "negotiation"),
                               stringField(s, "authMethods")};
  auto policy = sec::policyFromSettings(settings);
  if (!policy) {
    out.set("error", policy.error().message);
    return out;
  }
  auto handle = std::make_shared<Security>();
  auto& options = handle->options;
  options.policy = std::move(*policy);
  options.tokens = emscripten::vecFromJSArray<std::string>(s["tokens"]);
  if (s["poolPassword"].isString()) options.poolPassword = s["poolPassword"].as<std::string>();
  options.sslCaPem = secret(s["sslCaPem"]);
  options.sslSkipHostCheck = s["sslSkipHostCheck"].as<bool>();
  options.scitoken = secret(s["scitoken"]);
  if (s["claimToBe"].isString()) options.claimToBeName = s["claimToBe"].as<std::string>();
  if (s["trustDomain"].isString()) options.trustDomain = s["trustDomain"].as<std::string>();
  options.tag = stringField(s, "tag");
  options.pid = static_cast<std::int64_t>(s["pid"].as<double>());
  out.set("security", val(std::move(handle)));
  return out;
}

}  // namespace

EMSCRIPTEN_BINDINGS(htcondor_security) {
  emscripten::class_<Security>("Security").smart_ptr<std::shared_ptr<Security>>("SecurityPtr");
  emscripten::function("security", &security);
}
