import { engine, type AdHandle, type ExprHandle, type OpName } from './engine.js';
import { ClassAdEvaluationError, ClassAdParseError } from './errors.js';
import { literalText } from './literal-text.js';
import { Owned } from './lifetime.js';
import { fromTyped, type ClassAdValue, type Typed } from './value.js';

/** What evaluation needs of a ClassAd: its handle (provided by classad.ts). */
export interface Scope {
  readonly adHandle: AdHandle;
}

// The ClassAd class registers itself here, so values can become ClassAds without an import cycle.
let classAdFromText: (text: string) => object = () => {
  throw new Error('classad.ts not loaded');
};
export function setClassAdFactory(factory: (text: string) => object): void {
  classAdFromText = factory;
}

/** Converts the core's typed JSON of a value; nested ads become ClassAd objects. */
export function valueOf(json: string): ClassAdValue {
  const typed = JSON.parse(json) as Typed & { unparse?: string };
  if (typed.t === 'eval_fail') throw new ClassAdEvaluationError('evaluation failed (circular reference?)');
  return fromTyped(typed, (t) => classAdFromText((t as unknown as { unparse: string }).unparse));
}

/** A ClassAd expression, as Python's `classad.ExprTree`. */
export class ExprTree extends Owned<ExprHandle> {
  /** Parses one expression in the new ClassAd syntax; throws ClassAdParseError. */
  constructor(text: string) {
    const handle = engine().parseExpr(text);
    if (!handle) throw new ClassAdParseError(`cannot parse ${JSON.stringify(text)} as a ClassAd expression: ${engine().lastParseError()}`);
    super(handle);
  }

  /** @internal Wraps a handle the core returned. */
  static fromHandle(handle: ExprHandle): ExprTree {
    const tree = Object.create(ExprTree.prototype) as ExprTree;
    Owned.adopt(tree, handle);
    return tree;
  }

  /**
   * Evaluates the expression, as if it were an attribute of `scope` (unscoped names resolve
   * there), paired with `target` as in matchmaking (TARGET.x, and names not in scope).
   */
  eval(scope?: Scope, target?: Scope): ClassAdValue {
    return valueOf(engine().evalExpr(this.handle, scope?.adHandle ?? null, target?.adHandle ?? null));
  }

  /** @internal The core handle, for inserting into ads. */
  get exprHandle(): ExprHandle {
    return this.handle;
  }

  /** The canonical one-line form, as in ad text. */
  unparse(): string {
    return this.handle.unparse();
  }

  /** Python's str(): lists and ads spread over lines. */
  override toString(): string {
    return this.handle.pretty();
  }

  /**
   * Evaluates the expression (as eval()) and gives the value back as an expression, as Python's
   * simplify(): a literal, or the list or ad the value is. Throws ClassAdEvaluationError when
   * evaluation fails.
   */
  simplify(scope?: Scope, target?: Scope): ExprTree {
    const handle = engine().simplifyExpr(this.handle, scope?.adHandle ?? null, target?.adHandle ?? null);
    if (!handle) throw new ClassAdEvaluationError('evaluation failed (circular reference?)');
    return ExprTree.fromHandle(handle);
  }

  /** Whether both are the same tree (HTCondor's SameAs: node by node; parentheses count). */
  sameAs(other: ExprTree): boolean {
    return engine().sameAs(this.handle, other.exprHandle);
  }

  // Composition, as Python's ExprTree operators: each builds a new operation node over copies
  // of the operands; an operand that is not an ExprTree becomes a literal.
  and(other: unknown): ExprTree { return compose(this, 'LogicalAnd', other); }
  or(other: unknown): ExprTree { return compose(this, 'LogicalOr', other); }
  not(): ExprTree { return ExprTree.fromHandle(engine().composeExpr(engine().Op.LogicalNot, this.handle, null)); }
  eq(other: unknown): ExprTree { return compose(this, 'Equal', other); }
  ne(other: unknown): ExprTree { return compose(this, 'NotEqual', other); }
  is(other: unknown): ExprTree { return compose(this, 'MetaEqual', other); }
  isnt(other: unknown): ExprTree { return compose(this, 'MetaNotEqual', other); }
  lt(other: unknown): ExprTree { return compose(this, 'LessThan', other); }
  le(other: unknown): ExprTree { return compose(this, 'LessOrEqual', other); }
  gt(other: unknown): ExprTree { return compose(this, 'GreaterThan', other); }
  ge(other: unknown): ExprTree { return compose(this, 'GreaterOrEqual', other); }
  add(other: unknown): ExprTree { return compose(this, 'Add', other); }
  sub(other: unknown): ExprTree { return compose(this, 'Subtract', other); }
  mul(other: unknown): ExprTree { return compose(this, 'Multiply', other); }
  div(other: unknown): ExprTree { return compose(this, 'Divide', other); }
  mod(other: unknown): ExprTree { return compose(this, 'Modulus', other); }
}

// `tree op other` (a module function: trees made by fromHandle have no private members).
function compose(tree: ExprTree, op: OpName, other: unknown): ExprTree {
  const core = engine();
  if (other instanceof ExprTree) return ExprTree.fromHandle(core.composeExpr(core.Op[op], tree.exprHandle, other.exprHandle));
  const literal = new ExprTree(literalText(other, (s) => core.quote(s)));
  try {
    return ExprTree.fromHandle(core.composeExpr(core.Op[op], tree.exprHandle, literal.exprHandle));
  } finally {
    literal.dispose();
  }
}
