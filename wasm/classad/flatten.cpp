#include "classad/flatten.hpp"

#include <optional>

#include "classad/eval.hpp"
#include "classad/host_functions.hpp"
#include "classad/operators.hpp"
#include "classad/tree_build.hpp"

namespace htcondor::classad {

namespace {

// HTCondor's __NO_OP__ is the empty optional.
using MaybeOp = std::optional<Op>;

ExprPtr operation(Op op, ExprPtr a, ExprPtr b = nullptr, ExprPtr c = nullptr) {
  return std::make_shared<Operation>(op, std::move(a), std::move(b), std::move(c));
}

// Operation::MakeOperation(op, val, tree) and (op, tree, val): null if the value has no literal.
ExprPtr operation(Op op, const Value& v, ExprPtr tree) {
  ExprPtr literal = makeLiteral(v);
  return literal ? operation(op, std::move(literal), std::move(tree)) : nullptr;
}
ExprPtr operation(Op op, ExprPtr tree, const Value& v) {
  ExprPtr literal = makeLiteral(v);
  return literal ? operation(op, std::move(tree), std::move(literal)) : nullptr;
}

// Binary operators that are neither associative nor commutative: their operands are flattened
// apart and never regrouped.
bool isRigid(Op op) {
  switch (op) {
    case Op::LessThan: case Op::LessOrEqual: case Op::NotEqual: case Op::Equal: case Op::MetaEqual:
    case Op::MetaNotEqual: case Op::GreaterOrEqual: case Op::GreaterThan: case Op::Subtract: case Op::Divide:
    case Op::Modulus: case Op::LeftShift: case Op::RightShift: case Op::URightShift:
      return true;
    default:
      return false;
  }
}

bool isUnary(Op op) {
  return op == Op::UnaryPlus || op == Op::UnaryMinus || op == Op::LogicalNot || op == Op::BitwiseNot;
}

Value apply(Op op, const Value& a, const Value& b) { return applyOperator(op, a, &b); }

// A value equivalent to a boolean becomes that boolean.
void asBoolean(Value& v) {
  bool truth = false;
  if (!v.isBoolean() && booleanEquivalent(v, truth)) v = Value::boolean(truth);
}

// The per-node _Flatten of HTCondor. An associative operation called with `opOut` may hand back
// a tree and a value still to be combined by `*opOut` (its caller regroups them); every other
// node leaves `*opOut` alone.
class Flattener {
 public:
  Flattener(const ClassAd& ad, bool inlineRefs) : inline_(inlineRefs) { state_.setScopes(&ad); }

  bool flatten(const ExprTree& e, Value& val, ExprPtr& tree, MaybeOp* opOut = nullptr) {
    switch (e.kind()) {
      case ExprTree::Kind::Literal:
        tree = nullptr;
        val = static_cast<const Literal&>(e).evaluated();
        return true;
      case ExprTree::Kind::AttrRef: return attrRef(static_cast<const AttrRef&>(e), val, tree);
      case ExprTree::Kind::Operation: return operationNode(static_cast<const Operation&>(e), val, tree, opOut);
      case ExprTree::Kind::FunctionCall: return call(static_cast<const FunctionCall&>(e), val, tree);
      case ExprTree::Kind::List: return list(static_cast<const ExprList&>(e), tree);
      case ExprTree::Kind::ClassAd: return classAd(static_cast<const ClassAd&>(e), tree);
    }
    return false;
  }

 private:
  // Flattens `e` spending a level of the recursion budget; false (val error) when it is spent.
  bool nested(const ExprTree& e, Value& val, ExprPtr& tree) {
    if (state_.depthRemaining <= 0) {
      val = Value::error();
      return false;
    }
    --state_.depthRemaining;
    const bool ok = flatten(e, val, tree);
    ++state_.depthRemaining;
    return ok;
  }

  bool attrRef(const AttrRef& ref, Value& val, ExprPtr& tree) {
    tree = nullptr;
    const ClassAd* saved = state_.curAd;
    ExprPtr found;
    switch (findExpr(ref, state_, found)) {
      case Found::Fail: return false;
      case Found::Error:
        val = Value::error();
        state_.curAd = saved;
        return true;
      case Found::Undefined: {
        if (ref.scope() && inline_) {
          Value scopeVal;
          ExprPtr scopeTree;
          if (state_.depthRemaining <= 0) {
            val = Value::error();
            state_.curAd = saved;
            return false;
          }
          if (nested(*ref.scope(), scopeVal, scopeTree) && scopeTree) {
            tree = std::make_shared<AttrRef>(scopeTree, ref.name(), false);
            state_.curAd = saved;
            return true;
          }
        }
        tree = deepCopy(ref);
        state_.curAd = saved;
        return true;
      }
      case Found::Ok: break;
    }
    // A reference to an ad stays a reference (HTCondor leaves the current ad where it was found).
    if (found->kind() == ExprTree::Kind::ClassAd) {
      tree = deepCopy(ref);
      val = Value::undefined();
      return true;
    }
    const bool ok = nested(*found, val, tree);
    // Only a value replaces the reference, unless inlining.
    if (tree) {
      if (inline_) return true;
      tree = deepCopy(ref);
      val = Value::undefined();
    }
    state_.curAd = saved;
    return ok;
  }

  bool operationNode(const Operation& o, Value& val, ExprPtr& tree, MaybeOp* opOut) {
    const Op op = o.op();
    tree = nullptr;
    if (isRigid(op)) {
      if (opOut) *opOut = std::nullopt;
      Value v1, v2;
      ExprPtr t1, t2;
      if (!flatten(*o.arg(0), v1, t1) || !flatten(*o.arg(1), v2, t2)) {
        tree = nullptr;
        return false;
      }
      if (!t1 && !t2) val = apply(op, v1, v2);
      else if (t1 && t2) tree = operation(op, t1, t2);
      // A value with no literal (a list or an ad) leaves neither tree nor value, as in HTCondor.
      else if (t1) tree = operation(op, t1, v2);
      else tree = operation(op, v1, t2);
      return true;
    }
    if (isUnary(op)) return unary(o, val, tree);
    if (op == Op::Parentheses) return parentheses(o, val, tree);
    if (op == Op::Ternary) return ternary(o, val, tree);
    if (op == Op::Subscript) return subscript(o, val, tree);

    // Associative and commutative: each side may hand back a tree and a value to regroup.
    MaybeOp op1, op2;
    Value v1, v2;
    ExprPtr t1, t2;
    if (!flatten(*o.arg(0), v1, t1, &op1) || !flatten(*o.arg(1), v2, t2, &op2)) {
      tree = nullptr;
      return false;
    }
    MaybeOp newOp = op;
    if (!combine(newOp, val, tree, op1, v1, t1, op2, v2, t2)) {
      tree = nullptr;
      if (opOut) *opOut = std::nullopt;
      return false;
    }
    if (!opOut && newOp) {
      // Nobody above regroups: fold the value and the tree into one tree, the value first.
      tree = tree ? operation(*newOp, val, tree) : nullptr;
      return tree != nullptr;
    }
    if (opOut) *opOut = newOp;
    return true;
  }

  // HTCondor's Operation::combine, with its quirks: e.g. when only the left side shares the
  // operator and the right one hands back a different operator's tree and value, that value
  // is dropped (`x + 1 + y * 2` flattens to `1 + x + y`).
  bool combine(MaybeOp& op, Value& val, ExprPtr& tree, MaybeOp op1, Value& v1, const ExprPtr& t1, MaybeOp op2,
               Value& v2, const ExprPtr& t2) {
    const Op o = *op;
    if ((!t1 || !t2) && (t1 || t2) && (o == Op::LogicalOr || o == Op::LogicalAnd)) {
      // One side is a value: it may decide the result, with the other side taken as undefined.
      // HTCondor's doLogical turns that value into a boolean in place (a number counts as one),
      // and the value is used as such from here on.
      if (!t1) asBoolean(v1);
      if (!t2) asBoolean(v2);
      const Value undefined;
      val = apply(o, t1 ? undefined : v1, t2 ? undefined : v2);
      if (val.isBoolean()) {
        tree = nullptr;
        op = std::nullopt;
        return true;
      }
      // `true && x` and `x && true` are `x`.
      if (o == Op::LogicalAnd && !t1 && v1.isBoolean() && v1.asBoolean()) {
        tree = t2;
        op = std::nullopt;
        return true;
      }
      if (o == Op::LogicalAnd && !t2 && v2.isBoolean() && v2.asBoolean()) {
        tree = t1;
        op = std::nullopt;
        return true;
      }
    }
    if (!t1 && !t2) {
      val = apply(o, v1, v2);
      tree = nullptr;
      op = std::nullopt;
      return true;
    }
    if (!t1 && !op2) {
      tree = t2;
      val = v1;
      return true;
    }
    if (!t2 && !op1) {
      tree = t1;
      val = v2;
      return true;
    }
    if (!op1 && !op2) {
      tree = operation(o, t1, t2);
      op = std::nullopt;
      return true;
    }
    if ((op1 || op2) && op1 != o && op2 != o) {
      // Different operators below: each side becomes a whole tree.
      ExprPtr n1 = op1 ? operation(*op1, v1, t1) : t1 ? t1 : makeLiteral(v1);
      ExprPtr n2 = op2 ? operation(*op2, v2, t2) : t2 ? t2 : makeLiteral(v2);
      op = std::nullopt;
      if (!n1 || !n2) {
        tree = nullptr;
        return false;
      }
      tree = operation(o, n1, n2);
      return true;
    }
    if (op1 == o && op2 == o) {
      tree = operation(o, t1, t2);
      val = apply(o, v1, v2);
      return true;
    }
    if (op1 == o) {
      if (!t2) {
        val = apply(o, v1, v2);
        tree = t1;
      } else {
        tree = operation(o, t1, t2);
        val = v1;
      }
      return true;
    }
    // op2 == o
    if (!t1) {
      val = apply(o, v1, v2);
      tree = t2;
    } else {
      tree = operation(o, t1, t2);
      val = v2;
    }
    return true;
  }

  bool unary(const Operation& o, Value& val, ExprPtr& tree) {
    Value v1;
    ExprPtr t1;
    if (!flatten(*o.arg(0), v1, t1)) return false;
    if (t1) {
      tree = operation(o.op(), t1);
      return true;
    }
    val = applyOperator(o.op(), v1, nullptr);
    return true;
  }

  bool parentheses(const Operation& o, Value& val, ExprPtr& tree) {
    Value v1;
    ExprPtr t1;
    if (!flatten(*o.arg(0), v1, t1)) return false;
    if (t1) tree = operation(Op::Parentheses, t1);
    else val = v1;
    return true;
  }

  bool subscript(const Operation& o, Value& val, ExprPtr& tree) {
    Value v1, v2;
    ExprPtr t1, t2;
    if (!flatten(*o.arg(0), v1, t1) || !flatten(*o.arg(1), v2, t2)) return false;
    if (!t1 && !t2) return subscriptValues(v1, v2, state_, val);
    if (!t1) t1 = makeLiteral(v1);
    if (!t2) t2 = makeLiteral(v2);
    if (!t1 || !t2) return false;
    tree = operation(Op::Subscript, t1, t2);
    return true;
  }

  bool ternary(const Operation& o, Value& val, ExprPtr& tree) {
    Value v1;
    ExprPtr t1;
    if (!flatten(*o.arg(0), v1, t1)) return false;
    if (!t1 && !v1.isUndefined()) {
      // The condition is known: the chosen arm is the result.
      bool truth = false;
      if (!booleanEquivalent(v1, truth)) {
        val = Value::error();
        return true;
      }
      if (truth) return o.arg(1) ? flatten(*o.arg(1), val, tree) : false;  // HTCondor fails `true ?: x`
      return flatten(*o.arg(2), val, tree);
    }
    Value v2, v3;
    ExprPtr t2, t3;
    if ((o.arg(1) && !flatten(*o.arg(1), v2, t2)) || !flatten(*o.arg(2), v3, t3)) return false;
    // A middle value with no literal leaves `c ?: e`, as in HTCondor.
    if (o.arg(1) && !t2) t2 = makeLiteral(v2);
    if (!t3) t3 = makeLiteral(v3);
    if (!t3) return false;
    if (!t1) t1 = deepCopy(*o.arg(0));
    tree = operation(Op::Ternary, t1, t2, t3);
    return true;
  }

  // Calls fold (all functions taken as pure) when every argument came to a value.
  bool call(const FunctionCall& c, Value& val, ExprPtr& tree) {
    tree = nullptr;
    const Builtin fn = resolveFunction(c.name());
    if (!fn) {
      val = Value::error();
      return true;
    }
    std::vector<ExprPtr> args;
    bool fold = true;
    Value argValue;  // shared by the arguments, as HTCondor's
    for (const ExprPtr& arg : c.args()) {
      ExprPtr argTree;
      if (flatten(*arg, argValue, argTree)) {
        if (argTree) fold = false;
        else argTree = makeLiteral(argValue);
        if (argTree) {
          args.push_back(std::move(argTree));
          continue;
        }
      }
      val = Value::error();
      return false;
    }
    if (!fold) {
      tree = std::make_shared<FunctionCall>(c.name(), std::move(args));
      return true;
    }
    return fn(c.name(), c.args(), state_, val);
  }

  bool list(const ExprList& l, ExprPtr& tree) {
    tree = nullptr;
    std::vector<ExprPtr> items;
    Value itemValue;
    for (const ExprPtr& item : l.items()) {
      ExprPtr itemTree;
      if (!flatten(*item, itemValue, itemTree)) return false;
      if (!itemTree && !(itemTree = makeLiteral(itemValue))) return false;
      items.push_back(std::move(itemTree));
    }
    tree = std::make_shared<ExprList>(std::move(items));
    return true;
  }

  // An ad's attributes are flattened in the ad (not the ad it sits in).
  bool classAd(const ClassAd& ad, ExprPtr& tree) {
    tree = nullptr;
    auto flat = std::make_shared<ClassAd>();
    const ClassAd* outer = state_.curAd;
    state_.curAd = &ad;
    for (const auto& [name, e] : ad.attributes()) {
      Value v;
      ExprPtr t;
      if (!flatten(*e, v, t) || (!t && !(t = makeLiteral(v)))) {
        state_.curAd = outer;
        return false;
      }
      flat->insert(name, t);
    }
    state_.curAd = outer;
    tree = flat;
    return true;
  }

  EvalState state_;
  bool inline_;
};

}  // namespace

bool flatten(const ClassAd& ad, const ExprTree& expr, Value& val, ExprPtr& tree, bool inlineRefs) {
  tree = nullptr;
  return Flattener(ad, inlineRefs).flatten(expr, val, tree);
}

}  // namespace htcondor::classad
