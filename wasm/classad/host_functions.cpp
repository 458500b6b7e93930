#include "classad/host_functions.hpp"

#include <map>
#include <optional>

namespace htcondor::classad {

namespace {

std::map<std::string, HostFunction, CaselessLess>& hostFunctions() {
  static std::map<std::string, HostFunction, CaselessLess> functions;
  return functions;
}

bool callHost(std::string_view name, const Args& args, EvalState& state, Value& result) {
  auto found = hostFunctions().find(name);
  if (found == hostFunctions().end()) {
    result = Value::error();
    return true;
  }
  std::vector<Value> values(args.size());
  for (size_t i = 0; i < args.size(); ++i) {
    if (!evaluate(*args[i], state, values[i])) {
      result = Value::error();
      return false;
    }
  }
  // Keep lists and ads the function returns alive for the rest of this evaluation.
  auto value = found->second(values);
  result = value ? *value : Value::error();
  if (result.isList()) state.keepAlive.push_back(result.asList());
  if (result.isClassAd()) state.keepAlive.push_back(result.asClassAd());
  return true;
}

}  // namespace

void registerHostFunction(std::string name, HostFunction fn) { hostFunctions()[std::move(name)] = std::move(fn); }

Builtin findHostFunction(std::string_view name) {
  return hostFunctions().count(name) ? &callHost : nullptr;
}

Builtin resolveFunction(std::string_view name) {
  Builtin fn = findBuiltin(name);
  return fn ? fn : findHostFunction(name);
}

}  // namespace htcondor::classad
