// ClassAd expression trees. Nodes are immutable once built, shared by shared_ptr, and know
// the ClassAd they sit in (their lexical scope) for attribute lookup, as HTCondor's do.
#pragma once

#include <array>
#include <memory>
#include <string>
#include <vector>

#include "classad/value.hpp"

namespace htcondor::classad {

class ClassAd;

class ExprTree {
 public:
  enum class Kind { Literal, AttrRef, Operation, FunctionCall, List, ClassAd };

  explicit ExprTree(Kind kind) : kind_(kind) {}
  virtual ~ExprTree() = default;
  ExprTree(const ExprTree&) = delete;
  ExprTree& operator=(const ExprTree&) = delete;

  Kind kind() const { return kind_; }
  // The ClassAd this expression is inside, for unscoped attribute lookup.
  const ClassAd* parentScope() const { return parentScope_; }
  // Sets the scope of this expression and of every nested list and subexpression (not of
  // nested ads: they are the scope of their own contents, and their parent is `scope`).
  virtual void setParentScope(const ClassAd* scope) const;

 private:
  Kind kind_;
  mutable const ClassAd* parentScope_ = nullptr;
};

using ExprPtr = std::shared_ptr<const ExprTree>;

class Literal final : public ExprTree {
 public:
  explicit Literal(Value value) : ExprTree(Kind::Literal), value_(std::move(value)) {}
  // The value the literal evaluates to. A relTime("...") literal folded at parse time prints
  // as a relative time but evaluates to its seconds as a real, as in HTCondor 23.
  Value evaluated() const { return value_.isRelTime() ? Value::real(value_.asRelTime()) : value_; }
  // The value the literal prints as.
  const Value& value() const { return value_; }
  // A literal evaluates to itself wherever it sits, so it keeps no scope: one literal can be
  // shared by many ads (classad/literals.hpp).
  void setParentScope(const ClassAd*) const override {}

 private:
  Value value_;
};

// `name`, `.name` (absolute: from the root ad) or `expr.name` (selection).
class AttrRef final : public ExprTree {
 public:
  AttrRef(ExprPtr scope, std::string name, bool absolute)
      : ExprTree(Kind::AttrRef), scope_(std::move(scope)), name_(std::move(name)), absolute_(absolute) {}
  const ExprPtr& scope() const { return scope_; }
  const std::string& name() const { return name_; }
  bool absolute() const { return absolute_; }
  void setParentScope(const ClassAd* scope) const override;

 private:
  ExprPtr scope_;
  std::string name_;
  bool absolute_;
};

enum class Op {
  // comparison
  LessThan, LessOrEqual, NotEqual, Equal, MetaEqual, MetaNotEqual, GreaterOrEqual, GreaterThan,
  // arithmetic
  UnaryPlus, UnaryMinus, Add, Subtract, Multiply, Divide, Modulus,
  // logical
  LogicalNot, LogicalOr, LogicalAnd,
  // bitwise
  BitwiseNot, BitwiseOr, BitwiseXor, BitwiseAnd, LeftShift, RightShift, URightShift,
  // misc
  Parentheses, Subscript, Ternary,
};

class Operation final : public ExprTree {
 public:
  // Ternary `a ?: c` (Elvis) has no middle operand: args[1] is null.
  Operation(Op op, ExprPtr a, ExprPtr b = nullptr, ExprPtr c = nullptr)
      : ExprTree(Kind::Operation), op_(op), args_{std::move(a), std::move(b), std::move(c)} {}
  Op op() const { return op_; }
  const ExprPtr& arg(size_t i) const { return args_[i]; }
  void setParentScope(const ClassAd* scope) const override;

 private:
  Op op_;
  std::array<ExprPtr, 3> args_;
};

class FunctionCall final : public ExprTree {
 public:
  FunctionCall(std::string name, std::vector<ExprPtr> args)
      : ExprTree(Kind::FunctionCall), name_(std::move(name)), args_(std::move(args)) {}
  const std::string& name() const { return name_; }
  const std::vector<ExprPtr>& args() const { return args_; }
  void setParentScope(const ClassAd* scope) const override;

 private:
  std::string name_;
  std::vector<ExprPtr> args_;
};

// Lists and ads are values too (evaluation hands out the tree itself), so they, and only
// they, can give a shared pointer to themselves: other nodes spare the weak pointer.
class ExprList final : public ExprTree, public std::enable_shared_from_this<ExprList> {
 public:
  explicit ExprList(std::vector<ExprPtr> items) : ExprTree(Kind::List), items_(std::move(items)) {}
  const std::vector<ExprPtr>& items() const { return items_; }
  size_t size() const { return items_.size(); }
  void setParentScope(const ClassAd* scope) const override;

 private:
  std::vector<ExprPtr> items_;
};

}  // namespace htcondor::classad
