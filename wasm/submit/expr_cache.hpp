// Parsed expressions by their text, kept across the procs of one submit: most of a proc's
// expressions (Requirements, policy expressions, resource requests) have the same text in every
// proc, and parsing them anew was the builder's largest cost after the macro lookups.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "classad/expr.hpp"

namespace htcondor::submit {

class ExprCache {
 public:
  // The old-syntax parse of `text`, or null when it does not parse. The tree is shared with
  // later calls: read it, or insert `forInsert(tree)` into an ad.
  classad::ExprPtr parse(std::string_view text);

  // What an ad may own of a cached tree: the tree itself, shared by every proc, unless it holds
  // a list or a nested ad, which keep a scope of their own (classad::holdsScope): then a copy.
  static classad::ExprPtr forInsert(const classad::ExprPtr& tree);

 private:
  struct TextHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, classad::ExprPtr, TextHash, std::equal_to<>> trees_;
};

}  // namespace htcondor::submit
