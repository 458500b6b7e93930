// A ClassAd: attribute names (case-insensitive) bound to expressions. It is an expression
// itself (a nested ad), and the scope its attributes are evaluated in.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "classad/expr.hpp"

namespace htcondor::classad {

// HTCondor's storage order, which every printed form follows: shorter names first, then
// names compared without case.
struct AttrOrder {
  bool operator()(std::string_view a, std::string_view b) const;
  using is_transparent = void;
};

using Attribute = std::pair<std::string, ExprPtr>;

class ClassAd final : public ExprTree, public std::enable_shared_from_this<ClassAd> {
 public:
  ClassAd() : ExprTree(Kind::ClassAd) {}

  // Binds `name` to `expr` (replacing a binding of any case) and makes this ad its scope.
  void insert(std::string name, ExprPtr expr);
  bool erase(std::string_view name);
  // The expression bound to `name`, or null.
  ExprPtr lookup(std::string_view name) const;
  size_t size() const { return attrs_.size(); }
  // Room for `count` attributes, for a builder that knows how many are coming.
  void reserve(size_t count) { attrs_.reserve(count); }
  // In AttrOrder.
  const std::vector<Attribute>& attributes() const { return attrs_; }

  // The pairing used for matchmaking: TARGET references (and, with old ClassAd semantics,
  // unscoped names not found here) go to this ad.
  const ClassAd* target() const { return target_; }
  void setTarget(const ClassAd* target) const { target_ = target; }

  void setParentScope(const ClassAd* scope) const override;

 private:
  // One sorted array, not a node per attribute: ads have tens to hundreds of attributes, and
  // are mostly built once and read.
  std::vector<Attribute> attrs_;
  mutable const ClassAd* target_ = nullptr;
};

using ClassAdPtr = std::shared_ptr<ClassAd>;

}  // namespace htcondor::classad
