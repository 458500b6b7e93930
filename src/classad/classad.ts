import type { AdRun } from './ad-run.js';
import { engine, type AdHandle } from './engine.js';
import { ClassAdParseError, ClassAdValueError } from './errors.js';
import { ExprTree, setClassAdFactory, valueOf } from './expr-tree.js';
import { Owned } from './lifetime.js';
import { literalText } from './literal-text.js';
import type { ClassAdValue } from './value.js';

/**
 * A ClassAd, as Python's `classad.ClassAd`: a case-insensitive map from attribute names to
 * expressions. `get` gives the expression, `eval` its value; `set` takes an ExprTree or a
 * JavaScript value (see value.ts for the mapping). Iteration follows HTCondor's storage order.
 */
export class ClassAd extends Owned<AdHandle> implements Iterable<[string, ClassAdValue | ExprTree]> {
  /** Set while this ad is still in the run of a query's answer (ad-run.ts) and has no handle. */
  private run_: AdRun | undefined;
  private index_ = 0;

  /** @internal Wraps a handle the core returned. */
  static fromHandle(handle: AdHandle): ClassAd {
    const ad = Object.create(ClassAd.prototype) as ClassAd;
    Owned.adopt(ad, handle);
    return ad;
  }

  /** @internal Ad `index` of a run; its handle is made when first needed. */
  static fromRun(run: AdRun, index: number): ClassAd {
    const ad = Object.create(ClassAd.prototype) as ClassAd;
    ad.run_ = run;
    ad.index_ = index;
    run.watch(ad, index);
    return ad;
  }

  /** An empty ad, an ad parsed from new-syntax text, or one built from a plain object. */
  constructor(init?: string | Record<string, unknown>) {
    if (typeof init === 'string') {
      const handle = engine().parseAd(init);
      if (!handle) throw new ClassAdParseError(`cannot parse the ad: ${engine().lastParseError()}`);
      super(handle);
      return;
    }
    super(engine().newAd());
    for (const [name, value] of Object.entries(init ?? {})) this.set(name, value);
  }

  protected override get handle(): AdHandle {
    if (this.run_) {
      Owned.adopt(this, this.run_.take(this.index_));
      this.run_ = undefined;
    }
    return super.handle;
  }

  override dispose(): void {
    if (!this.run_) return super.dispose();
    this.run_.release(this.index_);
    this.run_ = undefined;
  }

  /** @internal The core handle, for evaluation scopes. */
  get adHandle(): AdHandle {
    return this.handle;
  }

  get size(): number {
    return engine().adSize(this.handle);
  }

  has(name: string): boolean {
    return this.literal(name) !== undefined;
  }

  /** The expression bound to `name` (any case), or undefined. */
  lookup(name: string): ExprTree | undefined {
    const expr = engine().adLookup(this.handle, name);
    return expr ? ExprTree.fromHandle(expr) : undefined;
  }

  /**
   * Python's ad[name]: the value when the attribute is a literal (`A = 5` gives 5), otherwise
   * its expression (`B = A + 1` gives an ExprTree); undefined when the ad has no such attribute.
   */
  get(name: string): ClassAdValue | ExprTree | undefined {
    const literal = this.literal(name);
    if (literal === undefined) return undefined;
    return literal === null ? this.lookup(name) : valueOf(literal);
  }

  // The typed JSON of a literal attribute, null for another expression, undefined if absent:
  // read in the run while the ad is in one, so the commonest call makes no handle.
  private literal(name: string): string | null | undefined {
    return this.run_ ? this.run_.literal(this.index_, name) : engine().adLiteral(this.handle, name);
  }

  set(name: string, value: unknown): this {
    if (value instanceof ExprTree) {
      engine().adInsert(this.handle, name, value.exprHandle);
      return this;
    }
    // The ad shares the tree; the temporary wrapper is freed at once, not left to the GC.
    using literal = new ExprTree(literalText(value, (s) => engine().quote(s)));
    engine().adInsert(this.handle, name, literal.exprHandle);
    return this;
  }

  delete(name: string): boolean {
    return engine().adErase(this.handle, name);
  }

  keys(): string[] {
    return engine().adAttributeNames(this.handle);
  }

  /** Each attribute as get() gives it: the value of a literal, otherwise the expression. */
  *values(): IterableIterator<ClassAdValue | ExprTree> {
    for (const name of this.keys()) yield this.get(name)!;
  }

  *items(): IterableIterator<[string, ClassAdValue | ExprTree]> {
    for (const name of this.keys()) yield [name, this.get(name)!];
  }

  [Symbol.iterator](): IterableIterator<[string, ClassAdValue | ExprTree]> {
    return this.items();
  }

  /** The value of attribute `name` evaluated in this ad (Value.Undefined if it has none). */
  eval(name: string, target?: ClassAd): ClassAdValue {
    const json = engine().evalAttr(this.handle, name, target?.handle ?? null);
    return json === 'null' ? valueOf('{"t": "undefined"}') : valueOf(json);
  }

  /**
   * Partially evaluates `expr` (an ExprTree or expression text) in this ad, as HTCondor's
   * Flatten: references to attributes that come to values are replaced by them and operations
   * on values are folded. Gives the value when everything is known, otherwise the flattened
   * expression; throws ClassAdValueError when flattening fails.
   */
  flatten(expr: ExprTree | string): ExprTree | ClassAdValue {
    const result = withExpr(expr, (e) => engine().flattenExpr(this.handle, e.exprHandle));
    if (result === null) throw new ClassAdValueError('Unable to flatten expression.');
    return typeof result === 'string' ? valueOf(result) : ExprTree.fromHandle(result);
  }

  /** The attributes `expr` refers to that this ad does not define (TARGET.x kept in full). */
  externalRefs(expr: ExprTree | string): string[] {
    const refs = withExpr(expr, (e) => engine().externalRefs(this.handle, e.exprHandle));
    if (!refs) throw new ClassAdValueError('Unable to determine external references.');
    return refs;
  }

  /** The attributes of this ad that `expr` refers to, directly or through other attributes. */
  internalRefs(expr: ExprTree | string): string[] {
    const refs = withExpr(expr, (e) => engine().internalRefs(this.handle, e.exprHandle));
    if (!refs) throw new ClassAdValueError('Unable to determine internal references.');
    return refs;
  }

  /** Whether this ad's Requirements hold against `target`. */
  matches(target: ClassAd): boolean {
    return engine().matches(this.handle, target.handle);
  }

  /** Both ads' Requirements hold against each other. */
  symmetricMatch(target: ClassAd): boolean {
    return this.matches(target) && target.matches(this);
  }

  /** Old ClassAd syntax: one `Name = Expr` line per attribute. */
  printOld(): string {
    return engine().adOld(this.handle);
  }

  /** HTCondor's JSON form; expressions that are not literals appear as "\/Expr(...)\/". */
  printJson(): string {
    return engine().adJson(this.handle);
  }

  /** The canonical one-line new-syntax form. */
  unparse(): string {
    return this.handle.unparse();
  }

  /** Python's str(): the pretty-printed new syntax. */
  override toString(): string {
    return engine().adPretty(this.handle);
  }
}

// Runs `use` on `expr`, parsing text into a temporary tree that is freed afterwards.
function withExpr<T>(expr: ExprTree | string, use: (e: ExprTree) => T): T {
  if (expr instanceof ExprTree) return use(expr);
  const parsed = new ExprTree(expr);
  try {
    return use(parsed);
  } finally {
    parsed.dispose();
  }
}

setClassAdFactory((text) => new ClassAd(text));
