// The embind surface of the configuration reader and credential discovery (wasm/config/).
// The host passes its file access as JavaScript callbacks, called synchronously while
// loadConfig() / discoverCredentials() run; file contents cross as Uint8Array bytes.
#include <emscripten/bind.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "config/config_load.hpp"
#include "config/credentials.hpp"
#include "host_values.hpp"

namespace {

using emscripten::val;
namespace cfg = htcondor::config;
using htcondor::bindings::environment;
using htcondor::bindings::fileAccess;
using htcondor::bindings::strings;

val uint8Array(const std::string& s) {
  return val(emscripten::typed_memory_view(s.size(), reinterpret_cast<const uint8_t*>(s.data()))).call<val>("slice");
}

val failed(const std::string& message) {
  val out = val::object();
  out.set("error", message);
  return out;
}

// host.process: {hostname, canonicalHostname?, username, uid, gid, pid, ppid, home, condorHome?, isRoot}
cfg::ProcessInfo processInfo(const val& p) {
  cfg::ProcessInfo out;
  auto text = [&](const char* key) { return p[key].isString() ? p[key].as<std::string>() : std::string(); };
  auto optionalText = [&](const char* key) { return p[key].isString() ? std::optional(p[key].as<std::string>()) : std::nullopt; };
  auto number = [&](const char* key) { return p[key].isNumber() ? static_cast<long long>(p[key].as<double>()) : -1LL; };
  out.hostname = text("hostname");
  out.canonicalHostname = optionalText("canonicalHostname");
  out.username = text("username");
  out.uid = number("uid");
  out.gid = number("gid");
  out.pid = number("pid");
  out.ppid = number("ppid");
  out.home = text("home");
  out.condorHome = optionalText("condorHome");
  out.isRoot = p["isRoot"].as<bool>();
  return out;
}

class ConfigHandle {
 public:
  explicit ConfigHandle(cfg::Config config) : config_(std::move(config)) {}

  // {value: string | null} or {error}
  val lookup(const std::string& name) const {
    auto v = config_.lookup(name);
    if (!v) return failed(v.error().message);
    val out = val::object();
    out.set("value", *v ? val(**v) : val::null());
    return out;
  }
  val raw(const std::string& name) const {
    auto v = config_.raw(name);
    return v ? val(std::string(*v)) : val::null();
  }
  val expand(const std::string& text) const {
    auto v = config_.expand(text);
    if (!v) return failed(v.error().message);
    val out = val::object();
    out.set("value", *v);
    return out;
  }
  // A definition made in code (HTCondor's "<Over>" source); {error} if its self reference fails.
  val set(const std::string& name, const std::string& value) {
    auto s = config_.set(name, value, cfg::Origin{cfg::kOverride, 0});
    return s ? val::object() : failed(s.error().message);
  }
  val entries() const {
    val out = val::array();
    for (const auto& e : config_.entries()) {
      val item = val::object();
      item.set("name", e.name);
      item.set("value", e.value);
      item.set("source", e.origin.source);
      item.set("line", e.origin.line);
      out.call<void>("push", item);
    }
    return out;
  }
  val uses() const {
    val out = val::array();
    for (const auto& u : config_.uses()) {
      val item = val::object();
      item.set("category", u.category);
      item.set("options", u.options);
      item.set("source", u.origin.source);
      item.set("line", u.origin.line);
      out.call<void>("push", item);
    }
    return out;
  }
  val sources() const { return strings(config_.sources()); }
  val warnings() const { return strings(config_.warnings()); }

  const cfg::Config& config() const { return config_; }

 private:
  cfg::Config config_;
};

cfg::Context context(const val& host) {
  cfg::Context c;
  if (host["subsystem"].isString()) c.subsystem = host["subsystem"].as<std::string>();
  return c;
}

// {config: ConfigHandle} or {error}
val loadConfig(const val& host) {
  cfg::LoadOptions o{fileAccess(host), environment(host["environment"]), processInfo(host["process"]), context(host)};
  auto config = cfg::loadConfig(o);
  if (!config) return failed(config.error().message);
  val out = val::object();
  out.set("config", std::make_shared<ConfigHandle>(std::move(*config)));
  return out;
}

// {tokenDirectory, tokens, tokenFiles, poolPassword?: Uint8Array} or {error}
val discoverCredentials(const ConfigHandle& config, const val& host) {
  auto found = cfg::discoverCredentials(config.config(), fileAccess(host), processInfo(host["process"]));
  if (!found) return failed(found.error().message);
  val out = val::object();
  out.set("tokenDirectory", found->tokenDirectory);
  out.set("tokens", strings(found->tokens));
  out.set("tokenFiles", strings(found->tokenFiles));
  if (found->poolPassword) out.set("poolPassword", uint8Array(*found->poolPassword));
  return out;
}

}  // namespace

EMSCRIPTEN_BINDINGS(htcondor_config) {
  using namespace emscripten;
  class_<ConfigHandle>("ConfigHandle")
      .smart_ptr<std::shared_ptr<ConfigHandle>>("ConfigHandlePtr")
      .function("lookup", &ConfigHandle::lookup)
      .function("raw", &ConfigHandle::raw)
      .function("expand", &ConfigHandle::expand)
      .function("set", &ConfigHandle::set)
      .function("entries", &ConfigHandle::entries)
      .function("uses", &ConfigHandle::uses)
      .function("sources", &ConfigHandle::sources)
      .function("warnings", &ConfigHandle::warnings);
  function("loadConfig", &loadConfig);
  function("discoverCredentials", &discoverCredentials);
}
