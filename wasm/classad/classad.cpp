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

// Where `name` is in `attrs`, or where it goes.
template <typename Attrs>
auto position(Attrs& attrs, std::string_view name) {
  return std::lower_bound(attrs.begin(), attrs.end(), name,
                          [](const Attribute& a, std::string_view n) { return AttrOrder()(a.first, n); });
}

}  // namespace

void ClassAd::insert(std::string name, ExprPtr expr) {
  expr->setParentScope(this);
  // Ads are mostly built in order (copies, the submit builder): appending is the common case.
  auto at = attrs_.empty() || AttrOrder()(attrs_.back().first, name) ? attrs_.end() : position(attrs_, name);
  if (at != attrs_.end() && !AttrOrder()(name, at->first)) {
    at->second = std::move(expr);
  } else {
    attrs_.emplace(at, std::move(name), std::move(expr));
  }
}

bool ClassAd::erase(std::string_view name) {
  auto found = position(attrs_, name);
  if (found == attrs_.end() || AttrOrder()(name, found->first)) return false;
  attrs_.erase(found);
  return true;
}

ExprPtr ClassAd::lookup(std::string_view name) const {
  auto found = position(attrs_, name);
  return found == attrs_.end() || AttrOrder()(name, found->first) ? nullptr : found->second;
}

}  // namespace htcondor::classad
