// A ClassAd value: the result of evaluating an expression.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <variant>

namespace htcondor::classad {

class ClassAd;
class ExprList;

// An instant: seconds since the Unix epoch, and the zone offset (seconds east of UTC) it is shown in.
struct AbsTime {
  int64_t secs = 0;
  int offset = 0;
  friend bool operator==(const AbsTime&, const AbsTime&) = default;
};

// A duration in seconds; may be fractional.
struct RelTime {
  double secs = 0;
};

class Value {
 public:
  enum class Type { Undefined, Error, Boolean, Integer, Real, String, AbsTime, RelTime, List, ClassAd };

  Value() = default;  // undefined
  static Value undefined() { return {}; }
  static Value error() { Value v; v.data_ = ErrorTag{}; return v; }
  static Value boolean(bool b) { Value v; v.data_ = b; return v; }
  static Value integer(int64_t i) { Value v; v.data_ = i; return v; }
  static Value real(double r) { Value v; v.data_ = r; return v; }
  static Value string(std::string s) { Value v; v.data_ = std::move(s); return v; }
  static Value absTime(AbsTime t) { Value v; v.data_ = t; return v; }
  static Value relTime(double secs) { Value v; v.data_ = RelTime{secs}; return v; }
  static Value list(std::shared_ptr<const ExprList> l) { Value v; v.data_ = std::move(l); return v; }
  static Value classAd(std::shared_ptr<const ClassAd> a) { Value v; v.data_ = std::move(a); return v; }

  Type type() const { return static_cast<Type>(data_.index()); }
  bool isUndefined() const { return type() == Type::Undefined; }
  bool isError() const { return type() == Type::Error; }
  bool isBoolean() const { return type() == Type::Boolean; }
  bool isInteger() const { return type() == Type::Integer; }
  bool isReal() const { return type() == Type::Real; }
  bool isNumber() const { return isInteger() || isReal(); }
  bool isString() const { return type() == Type::String; }
  bool isAbsTime() const { return type() == Type::AbsTime; }
  bool isRelTime() const { return type() == Type::RelTime; }
  bool isList() const { return type() == Type::List; }
  bool isClassAd() const { return type() == Type::ClassAd; }
  // Undefined or error: the values every operator passes through.
  bool isExceptional() const { return isUndefined() || isError(); }

  bool asBoolean() const { return std::get<bool>(data_); }
  int64_t asInteger() const { return std::get<int64_t>(data_); }
  double asReal() const { return std::get<double>(data_); }
  const std::string& asString() const { return std::get<std::string>(data_); }
  AbsTime asAbsTime() const { return std::get<AbsTime>(data_); }
  double asRelTime() const { return std::get<RelTime>(data_).secs; }
  const std::shared_ptr<const ExprList>& asList() const { return std::get<std::shared_ptr<const ExprList>>(data_); }
  const std::shared_ptr<const ClassAd>& asClassAd() const { return std::get<std::shared_ptr<const ClassAd>>(data_); }

  // A number as a real (integers widen); only for isNumber() values.
  double numberAsReal() const { return isInteger() ? static_cast<double>(asInteger()) : asReal(); }

 private:
  struct ErrorTag {};
  std::variant<std::monostate, ErrorTag, bool, int64_t, double, std::string, AbsTime, RelTime,
               std::shared_ptr<const ExprList>, std::shared_ptr<const ClassAd>>
      data_;
};

}  // namespace htcondor::classad
