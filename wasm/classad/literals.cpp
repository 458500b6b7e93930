#include "classad/literals.hpp"

#include <array>

namespace htcondor::classad {

namespace {

// Integers from kLowest to kHighest: job ads' counts, flags, statuses and sizes in MiB.
constexpr int64_t kLowest = -1;
constexpr int64_t kHighest = 1024;

ExprPtr shared(std::shared_ptr<const Literal>& slot, const Value& v) {
  if (!slot) slot = std::make_shared<Literal>(v);
  return slot;
}

}  // namespace

ExprPtr literalOf(Value v) {
  static std::array<std::shared_ptr<const Literal>, kHighest - kLowest + 1> integers;
  static std::shared_ptr<const Literal> undefined, error, no, yes, empty;
  if (v.isInteger() && v.asInteger() >= kLowest && v.asInteger() <= kHighest)
    return shared(integers[static_cast<size_t>(v.asInteger() - kLowest)], v);
  if (v.isBoolean()) return shared(v.asBoolean() ? yes : no, v);
  if (v.isUndefined()) return shared(undefined, v);
  if (v.isError()) return shared(error, v);
  if (v.isString() && v.asString().empty()) return shared(empty, v);
  return std::make_shared<Literal>(std::move(v));
}

}  // namespace htcondor::classad
