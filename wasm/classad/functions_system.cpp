// HTCondor's functions that consult the local system: userHome and userMap. This engine has
// no user database, no HTCondor configuration and no map files, so they answer as HTCondor does
// with its defaults: userHome disabled (CLASSAD_ENABLE_USER_HOME is false), no user maps.
#include "classad/function_support.hpp"

namespace htcondor::classad {

namespace {

// userHome(user [, default]): the default when it is a non-empty string; otherwise undefined,
// or error when `user` is neither a string nor undefined. A wrong arity is an evaluation failure.
bool userHome(std::string_view, const Args& args, EvalState& state, Value& result) {
  if (args.size() != 1 && args.size() != 2) return failResult(result);
  std::string fallback;
  Value fallbackValue;
  if (args.size() == 2 && evalArg(args, 1, state, fallbackValue) && fallbackValue.isString()) {
    fallback = fallbackValue.asString();
  }
  Value user;
  if (!evalArg(args, 0, state, user)) user = Value::undefined();  // HTCondor ignores the failure
  if (!fallback.empty()) {
    result = Value::string(fallback);
  } else {
    result = user.isString() || user.isUndefined() ? Value::undefined() : Value::error();
  }
  return true;
}

// userMap(map, user [, preferred [, default]]): no map exists, so the default (the value of
// the fourth argument, whatever its type), else undefined; error if map or user is an error.
bool userMap(std::string_view, const Args& args, EvalState& state, Value& result) {
  Value v[4];
  if (auto done = evalCallArgs(args, 2, 4, state, v, result)) return *done;
  const Value& mapName = v[0];
  const Value& user = v[1];
  const bool named = mapName.isString() && user.isString();
  if (!named && (mapName.isError() || user.isError())) return errorResult(result);
  result = args.size() == 4 ? v[3] : Value::undefined();
  return true;
}

}  // namespace

void registerSystemFunctions(Registry& r) {
  r.emplace("userHome", userHome);
  r.emplace("userMap", userMap);
}

}  // namespace htcondor::classad
