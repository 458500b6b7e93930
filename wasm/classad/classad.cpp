#include "classad/classad.hpp"

#include <algorithm>

namespace htcondor::classad {

// strncasecmp in the C locale, inline: every attribute lookup and insert compares names.
bool AttrOrder::operator()(std::string_view a, std::string_view b) const {
  if (a.size() != b.size()) return a.size() < b.size();
  for (size_t i = 0; i < a.size(); ++i) {
    const auto x = static_cast<unsigned char>(a[i] >= 'A' && a[i] <= 'Z' ? a[i] - 'A' + 'a' : a[i]);
    const auto y = static_cast<unsigned char>(b[i] >= 'A' && b[i] <= 'Z' ? b[i] - 'A' + 'a' : b[i]);
    if (x != y) return x < y;
    if (x == 0) return false;  // as strncasecmp, the name ends at a NUL
  }
  return false;
}

void ExprTree::setParentScope(const ClassAd* scope) const { parentScope_ = scope; }

void AttrRef::setParentScope(const ClassAd* scope) const {
  ExprTree::setParentScope(scope);
  if (scope_) scope_->setParentScope(scope);
}

void Operation::setParentScope(const ClassAd* scope) const {
  ExprTree::setParentScope(scope);
  for (const auto& arg : args_) {
    if (arg) arg->setParentScope(scope);
  }
}

void FunctionCall::setParentScope(const ClassAd* scope) const {
  ExprTree::setParentScope(scope);
  for (const auto& arg : args_) arg->setParentScope(scope);
}

void ExprList::setParentScope(const ClassAd* scope) const {
  ExprTree::setParentScope(scope);
  for (const auto& item : items_) item->setParentScope(scope);
}

void ClassAd::setParentScope(const ClassAd* scope) const { ExprTree::setParentScope(scope); }

namespace {

bool byName(const Attribute& a, const Attribute& b) { return AttrOrder()(a.first, b.first); }

bool sameName(std::string_view a, std::string_view b) { return !AttrOrder()(a, b) && !AttrOrder()(b, a); }

// Where `name` is in the sorted `attrs`, or attrs.end().
template <typename Attrs>
auto find(Attrs& attrs, std::string_view name) {
  auto at = std::lower_bound(attrs.begin(), attrs.end(), name,
                             [](const Attribute& a, std::string_view n) { return AttrOrder()(a.first, n); });
  return at != attrs.end() && sameName(at->first, name) ? at : attrs.end();
}

}  // namespace

void ClassAd::insert(std::string name, ExprPtr expr) {
  expr->setParentScope(this);
  const bool inOrder = sorted_ == attrs_.size() && (attrs_.empty() || AttrOrder()(attrs_.back().first, name));
  attrs_.emplace_back(std::move(name), std::move(expr));
  if (inOrder) ++sorted_;
}

void ClassAd::settle() const {
  if (sorted_ == attrs_.size()) return;
  const auto tail = attrs_.begin() + static_cast<std::ptrdiff_t>(sorted_);
  // Both stable: bindings of one name stay in the order they were inserted.
  std::stable_sort(tail, attrs_.end(), byName);
  std::inplace_merge(attrs_.begin(), tail, attrs_.end(), byName);
  auto out = attrs_.begin();
  for (auto it = attrs_.begin(); it != attrs_.end();) {
    auto next = it + 1;
    while (next != attrs_.end() && sameName(it->first, next->first)) ++next;
    if (next - it > 1) it->second = std::move((next - 1)->second);
    if (out != it) *out = std::move(*it);
    ++out;
    it = next;
  }
  attrs_.erase(out, attrs_.end());
  sorted_ = attrs_.size();
}

bool ClassAd::erase(std::string_view name) {
  settle();
  auto found = find(attrs_, name);
  if (found == attrs_.end()) return false;
  attrs_.erase(found);
  sorted_ = attrs_.size();
  return true;
}

ExprPtr ClassAd::lookup(std::string_view name) const {
  settle();
  auto found = find(attrs_, name);
  return found == attrs_.end() ? nullptr : found->second;
}

}  // namespace htcondor::classad
