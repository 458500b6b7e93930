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
  size_t size() const { return attributes().size(); }
  // Room for `count` attributes, for a builder that knows how many are coming.
  void reserve(size_t count) { attrs_.reserve(count); }
  // In AttrOrder.
  const std::vector<Attribute>& attributes() const {
    settle();
    return attrs_;
  }

  // The pairing used for matchmaking: TARGET references (and, with old ClassAd semantics,
  // unscoped names not found here) go to this ad.
  const ClassAd* target() const { return target_; }
  void setTarget(const ClassAd* target) const { target_ = target; }

  void setParentScope(const ClassAd* scope) const override;

 private:
  // Sorts what was inserted out of order into place; of two bindings of a name, the later
  // one's expression stays under the first one's spelling.
  void settle() const;

  // One array, not a node per attribute: ads have tens to hundreds of attributes and are
  // mostly built once, then read. Sorted up to sorted_; after it, what was inserted out of
  // order, as it came, until the next read sorts it in: a builder inserting in any order
  // (the schedd sends attributes in hash order) pays a sort, never a move per insert.
  mutable std::vector<Attribute> attrs_;
  mutable size_t sorted_ = 0;
  mutable const ClassAd* target_ = nullptr;
};

using ClassAdPtr = std::shared_ptr<ClassAd>;

}  // namespace htcondor::classad
