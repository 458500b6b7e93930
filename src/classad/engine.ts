// The ClassAd engine: the WASM core running in this thread. The classad module is pure
// computation with no I/O, and Python's is synchronous, so it needs no worker: each entry
// point loads the engine once (top-level await) and every call after that is synchronous.
import { ClassAdException } from './errors.js';

export interface Handle {
  delete(): void;
  isDeleted(): boolean;
}
export interface ExprHandle extends Handle {
  unparse(): string;
  pretty(): string;
}
export interface AdHandle extends Handle {
  unparse(): string;
}
/** The ads of a query's answer behind one handle (wasm/bindings/handles.hpp AdRun). */
export interface AdRunHandle extends Handle {
  size(): number;
  /** Ad `index` as its own handle, leaving the run; null if it already left. */
  take(index: number): AdHandle | null;
  /** Frees ad `index`. */
  release(index: number): void;
}

export type AdSyntax = 'new' | 'old' | 'json';

/** The core's operators (embind enum values of classad::Op). */
export type OpName =
  | 'LessThan' | 'LessOrEqual' | 'NotEqual' | 'Equal' | 'MetaEqual' | 'MetaNotEqual' | 'GreaterOrEqual' | 'GreaterThan'
  | 'UnaryPlus' | 'UnaryMinus' | 'Add' | 'Subtract' | 'Multiply' | 'Divide' | 'Modulus'
  | 'LogicalNot' | 'LogicalOr' | 'LogicalAnd'
  | 'BitwiseNot' | 'BitwiseOr' | 'BitwiseXor' | 'BitwiseAnd' | 'LeftShift' | 'RightShift' | 'URightShift'
  | 'Parentheses' | 'Subscript';
export interface OpCode {
  readonly value: number;
}

/** What the classad layer needs from the core (wasm/bindings/classad_bindings.cpp). */
export interface ClassAdCore {
  parseExpr(text: string): ExprHandle | null;
  parseAd(text: string): AdHandle | null;
  /** Ads as UTF-8 wire lines in one buffer, record i ending at ends[i]: one crossing and one handle for all. */
  parseWireAds(bytes: Uint8Array, ends: Uint32Array): AdRunHandle | null;
  newAd(): AdHandle;
  adSize(ad: AdHandle): number;
  adLookup(ad: AdHandle, name: string): ExprHandle | null;
  adInsert(ad: AdHandle, name: string, expr: ExprHandle): void;
  adErase(ad: AdHandle, name: string): boolean;
  adAttributeNames(ad: AdHandle): string[];
  adPretty(ad: AdHandle): string;
  adOld(ad: AdHandle): string;
  adJson(ad: AdHandle): string;
  readAds(text: string, syntax: AdSyntax): { status: 'ok' | 'error' | 'bad syntax'; ads: AdHandle[]; rest: string };
  lastParseError(): string;
  evalExpr(expr: ExprHandle, scope: AdHandle | null, target: AdHandle | null): string;
  evalAttr(ad: AdHandle, name: string, target: AdHandle | null): string;
  matches(ad: AdHandle, target: AdHandle): boolean;
  quote(text: string): string;
  registerFunction(name: string, callback: (argsTypedJson: string[]) => string | null): void;
  unquote(text: string): string | null;
  // wasm/bindings/classad_expr_bindings.cpp
  /** The typed JSON of a literal attribute; null for another expression, undefined if absent. */
  adLiteral(ad: AdHandle, name: string): string | null | undefined;
  /** adLiteral of ad `index` of a run. */
  runLiteral(run: AdRunHandle, index: number, name: string): string | null | undefined;
  Op: Record<OpName, OpCode>;
  /** The flattened expression, the typed JSON of the value it came to, or null on failure. */
  flattenExpr(ad: AdHandle, expr: ExprHandle): ExprHandle | string | null;
  externalRefs(ad: AdHandle, expr: ExprHandle): string[] | null;
  internalRefs(ad: AdHandle, expr: ExprHandle): string[] | null;
  sameAs(a: ExprHandle, b: ExprHandle): boolean;
  composeExpr(op: OpCode, a: ExprHandle, b: ExprHandle | null): ExprHandle;
  simplifyExpr(expr: ExprHandle, scope: AdHandle | null, target: AdHandle | null): ExprHandle | null;
}

let loaded: ClassAdCore | undefined;

export async function loadEngine(load: () => Promise<unknown>): Promise<void> {
  loaded ??= (await load()) as ClassAdCore;
}

export function engine(): ClassAdCore {
  if (!loaded) throw new ClassAdException('htcondor-wasm: the ClassAd engine is not loaded (import the package through an entry point)');
  return loaded;
}
