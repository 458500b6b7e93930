// HTCondor's command names (protocol/command_table.hpp) for the TS layer: null where HTCondor
// has no answer.
#include <emscripten/bind.h>

#include <string>

#include "ops/ping.hpp"
#include "protocol/command_table.hpp"

namespace {

using emscripten::val;
namespace protocol = htcondor::protocol;

val commandName(double number) {
  auto name = protocol::commandName(static_cast<std::int64_t>(number));
  return name ? val(std::string(*name)) : val::null();
}

val numberOrNull(std::optional<std::int64_t> n) { return n ? val(static_cast<double>(*n)) : val::null(); }

val collectorCommandNumber(const std::string& name) { return numberOrNull(protocol::collectorCommandNumber(name)); }
val pingCommand(const std::string& text) { return numberOrNull(htcondor::ops::pingCommand(text)); }

}  // namespace

EMSCRIPTEN_BINDINGS(htcondor_commands) {
  emscripten::function("commandName", &commandName);
  emscripten::function("collectorCommandNumber", &collectorCommandNumber);
  emscripten::function("pingCommand", &pingCommand);
}
