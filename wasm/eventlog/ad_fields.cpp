#include "eventlog/ad_fields.hpp"

#include "classad/eval.hpp"
#include "classad/tree_build.hpp"
#include "classad/x86_conversions.hpp"

namespace htcondor::eventlog {

using classad::Value;

namespace {

bool numberOf(const ClassAd& ad, std::string_view name, Value& v) {
  auto value = classad::evaluateAttr(ad, name);
  if (!value || !(value->isNumber() || value->isBoolean())) return false;
  v = *value;
  return true;
}

}  // namespace

bool lookupInt(const ClassAd& ad, std::string_view name, int64_t& out) {
  Value v;
  if (!numberOf(ad, name, v)) return false;
  if (v.isInteger()) out = v.asInteger();
  else if (v.isReal()) out = classad::x86ToInt64(v.asReal());  // (long long) of a real, as on x86-64
  else out = v.asBoolean() ? 1 : 0;
  return true;
}

bool lookupInt(const ClassAd& ad, std::string_view name, int& out) {
  int64_t wide = 0;
  if (!lookupInt(ad, name, wide)) return false;
  out = static_cast<int>(wide);
  return true;
}

bool lookupReal(const ClassAd& ad, std::string_view name, double& out) {
  Value v;
  if (!numberOf(ad, name, v)) return false;
  out = v.isBoolean() ? (v.asBoolean() ? 1.0 : 0.0) : v.numberAsReal();
  return true;
}

bool lookupString(const ClassAd& ad, std::string_view name, std::string& out) {
  auto value = classad::evaluateAttr(ad, name);
  if (!value || !value->isString()) return false;
  out = value->asString();
  return true;
}

bool lookupBool(const ClassAd& ad, std::string_view name, bool& out) {
  Value v;
  if (!numberOf(ad, name, v)) return false;
  out = v.isBoolean() ? v.asBoolean() : v.numberAsReal() != 0.0;
  return true;
}

std::shared_ptr<const ClassAd> lookupAd(const ClassAd& ad, std::string_view name) {
  auto expr = ad.lookup(name);
  if (!expr || expr->kind() != classad::ExprTree::Kind::ClassAd) return nullptr;
  return std::static_pointer_cast<const ClassAd>(expr);
}

std::shared_ptr<ClassAd> copyAd(const ClassAd& ad) {
  return std::const_pointer_cast<ClassAd>(std::static_pointer_cast<const ClassAd>(classad::deepCopy(ad)));
}

void assignInt(ClassAd& ad, std::string name, int64_t value) { ad.insert(std::move(name), classad::makeLiteral(Value::integer(value))); }
void assignReal(ClassAd& ad, std::string name, double value) { ad.insert(std::move(name), classad::makeLiteral(Value::real(value))); }
void assignString(ClassAd& ad, std::string name, std::string value) {
  ad.insert(std::move(name), classad::makeLiteral(Value::string(std::move(value))));
}
void assignBool(ClassAd& ad, std::string name, bool value) { ad.insert(std::move(name), classad::makeLiteral(Value::boolean(value))); }

}  // namespace htcondor::eventlog
