#include "submit/expr_cache.hpp"

#include "classad/parser.hpp"
#include "classad/tree_build.hpp"

namespace htcondor::submit {

namespace {
// Texts that change with every proc ("+Seq = $(Process)") would grow the cache without end;
// past this many it starts over.
constexpr size_t kMaxTexts = 512;
}  // namespace

classad::ExprPtr ExprCache::parse(std::string_view text) {
  if (auto it = trees_.find(text); it != trees_.end()) return it->second;
  if (trees_.size() >= kMaxTexts) trees_.clear();
  classad::Parser parser(text, classad::LexMode::Old);
  classad::ExprPtr tree = parser.parseExpression(true);
  trees_.emplace(std::string(text), tree);
  return tree;
}

classad::ExprPtr ExprCache::forInsert(const classad::ExprPtr& tree) {
  return tree && classad::holdsScope(*tree) ? classad::deepCopy(*tree) : tree;
}

}  // namespace htcondor::submit
