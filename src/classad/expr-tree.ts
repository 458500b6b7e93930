import { engine, type AdHandle, type ExprHandle } from './engine.js';
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

  /** Whether both are the same expression (compared as their canonical text). */
  sameAs(other: ExprTree): boolean {
    return this.unparse() === other.unparse();
  }

  // Composition, as Python's ExprTree operators: each builds a new expression.
  and(other: unknown): ExprTree { return this.#binary('&&', other); }
  or(other: unknown): ExprTree { return this.#binary('||', other); }
  not(): ExprTree { return new ExprTree(`!(${this.unparse()})`); }
  eq(other: unknown): ExprTree { return this.#binary('==', other); }
  ne(other: unknown): ExprTree { return this.#binary('!=', other); }
  is(other: unknown): ExprTree { return this.#binary('=?=', other); }
  isnt(other: unknown): ExprTree { return this.#binary('=!=', other); }
  lt(other: unknown): ExprTree { return this.#binary('<', other); }
  le(other: unknown): ExprTree { return this.#binary('<=', other); }
  gt(other: unknown): ExprTree { return this.#binary('>', other); }
  ge(other: unknown): ExprTree { return this.#binary('>=', other); }
  add(other: unknown): ExprTree { return this.#binary('+', other); }
  sub(other: unknown): ExprTree { return this.#binary('-', other); }
  mul(other: unknown): ExprTree { return this.#binary('*', other); }
  div(other: unknown): ExprTree { return this.#binary('/', other); }
  mod(other: unknown): ExprTree { return this.#binary('%', other); }

  // Operands are parenthesised so the new tree keeps each side whole.
  #binary(op: string, other: unknown): ExprTree {
    return new ExprTree(`(${this.unparse()}) ${op} (${literalText(other, (s) => engine().quote(s))})`);
  }
}
