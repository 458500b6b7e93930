// Type predicates: isUndefined, isError, isString, isInteger, isReal, isBoolean, isList,
// isClassAd, isAbsTime, isRelTime.
#include "classad/function_support.hpp"

namespace htcondor::classad {

namespace {

template <Value::Type T>
bool isType(std::string_view, const Args& args, EvalState& state, Value& result) {
  Value v;
  if (auto done = evalSoleArg(args, state, v, result)) return *done;
  result = Value::boolean(v.type() == T);
  return true;
}

}  // namespace

void registerTypeFunctions(Registry& r) {
  r.emplace("isUndefined", isType<Value::Type::Undefined>);
  r.emplace("isError", isType<Value::Type::Error>);
  r.emplace("isString", isType<Value::Type::String>);
  r.emplace("isInteger", isType<Value::Type::Integer>);
  r.emplace("isReal", isType<Value::Type::Real>);
  r.emplace("isBoolean", isType<Value::Type::Boolean>);
  r.emplace("isList", isType<Value::Type::List>);
  r.emplace("isClassAd", isType<Value::Type::ClassAd>);
  r.emplace("isAbsTime", isType<Value::Type::AbsTime>);
  r.emplace("isRelTime", isType<Value::Type::RelTime>);
}

}  // namespace htcondor::classad
