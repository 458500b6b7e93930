#include "classad/classad.hpp"

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

void ClassAd::insert(std::string name, ExprPtr expr) {
  expr->setParentScope(this);
  // One walk of the tree: where the name is, or where it goes.
  auto at = attrs_.lower_bound(name);
  if (at != attrs_.end() && !attrs_.key_comp()(name, at->first)) {
    at->second = std::move(expr);
  } else {
    attrs_.emplace_hint(at, std::move(name), std::move(expr));
  }
}

bool ClassAd::erase(std::string_view name) {
  auto found = attrs_.find(name);
  if (found == attrs_.end()) return false;
  attrs_.erase(found);
  return true;
}

ExprPtr ClassAd::lookup(std::string_view name) const {
  auto found = attrs_.find(name);
  return found == attrs_.end() ? nullptr : found->second;
}

}  // namespace htcondor::classad
