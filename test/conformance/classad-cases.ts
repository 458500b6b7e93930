// Runs one ClassAd conformance case through the WASM core and lists how it differs from
// what HTCondor produced (empty: it passed).
import { compareTyped } from './typed-compare.js';
import type { Case } from './corpus.js';

export interface CoreClassAd {
  parseExpr(text: string): { unparse(): string; pretty(): string; delete(): void } | null;
  parseAd(text: string): { delete(): void } | null;
  evalExpr(expr: unknown, scope: unknown, target: unknown): string;
}

export function runClassAdCase(core: CoreClassAd, c: Case): string[] {
  switch (c.kind) {
    case 'expr': return exprCase(core, c);
    default: return [`kind '${c.kind}' is not supported yet`];
  }
}

function exprCase(core: CoreClassAd, c: Case): string[] {
  const input = c.input as { expr: string; scope?: string; target?: string };
  const expect = c.expect as { parse: string; unparse?: string; pretty?: string; value?: Record<string, unknown> };
  const expr = core.parseExpr(input.expr);
  if (!expr) return expect.parse === 'error' ? [] : ['parse failed, expected ok'];
  const held: { delete(): void }[] = [expr];
  try {
    if (expect.parse === 'error') return ['parsed, expected a parse error'];
    const problems: string[] = [];
    if (expr.unparse() !== expect.unparse) problems.push(`unparse: ${JSON.stringify(expr.unparse())}, expected ${JSON.stringify(expect.unparse)}`);
    if (expr.pretty() !== expect.pretty) problems.push(`pretty: ${JSON.stringify(expr.pretty())}, expected ${JSON.stringify(expect.pretty)}`);
    const scope = input.scope !== undefined ? core.parseAd(input.scope) : null;
    const target = input.target !== undefined ? core.parseAd(input.target) : null;
    if (scope) held.push(scope);
    if (target) held.push(target);
    if ((input.scope !== undefined && !scope) || (input.target !== undefined && !target)) return ['scope or target ad did not parse'];
    const value = JSON.parse(core.evalExpr(expr, scope, target)) as Record<string, unknown>;
    problems.push(...compareTyped(expect.value!, value, 'value', c.volatile === true));
    return problems;
  } finally {
    for (const h of held) h.delete();
  }
}
