// Runs one ClassAd conformance case through the WASM core and lists how it differs from
// what HTCondor produced (empty: it passed).
import { compareTyped } from './typed-compare.js';
import type { Case } from './corpus.js';

export interface CoreClassAd {
  parseExpr(text: string): { unparse(): string; pretty(): string; delete(): void } | null;
  parseAd(text: string): { delete(): void } | null;
  evalExpr(expr: unknown, scope: unknown, target: unknown): string;
  evalAttr(ad: unknown, name: string, target: unknown): string;
  matches(ad: unknown, target: unknown): boolean;
  quote(s: string): string;
  unquote(text: string): string | null;
}

export function runClassAdCase(core: CoreClassAd, c: Case): string[] {
  switch (c.kind) {
    case 'expr': return exprCase(core, c);
    case 'match': return matchCase(core, c);
    case 'quote': return quoteCase(core, c);
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

function quoteCase(core: CoreClassAd, c: Case): string[] {
  const input = c.input as { op: string; s: string };
  const expect = c.expect as { ok?: boolean; result?: string };
  if (input.op === 'quote') {
    const got = core.quote(input.s);
    return got === expect.result ? [] : [`quote: ${JSON.stringify(got)}, expected ${JSON.stringify(expect.result)}`];
  }
  const got = core.unquote(input.s);
  if (expect.ok === false) return got === null ? [] : [`unquote: ${JSON.stringify(got)}, expected failure`];
  return got === expect.result ? [] : [`unquote: ${JSON.stringify(got)}, expected ${JSON.stringify(expect.result)}`];
}

function matchCase(core: CoreClassAd, c: Case): string[] {
  const input = c.input as { left: string; right: string; extra_exprs?: [string, string][] };
  const expect = c.expect as Record<string, unknown> & { extra?: [string, string, Record<string, unknown>][] };
  const left = core.parseAd(input.left);
  const right = core.parseAd(input.right);
  try {
    if (!left || !right) return ['an ad did not parse'];
    const problems: string[] = [];
    const flag = (key: string, got: boolean) => {
      if (expect[key] !== got) problems.push(`${key}: ${got}, expected ${String(expect[key])}`);
    };
    const l2r = core.matches(left, right);
    const r2l = core.matches(right, left);
    flag('left_accepts_right', l2r);
    flag('right_accepts_left', r2l);
    flag('symmetric', l2r && r2l);
    const attr = (key: string, ad: unknown, name: string, other: unknown) => {
      const got = JSON.parse(core.evalAttr(ad, name, other)) as Record<string, unknown> | null;
      const want = expect[key] as Record<string, unknown> | null;
      if (want === null || got === null) {
        if (want !== got) problems.push(`${key}: ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
      } else {
        problems.push(...compareTyped(want, got, key));
      }
    };
    attr('left_requirements', left, 'Requirements', right);
    attr('right_requirements', right, 'Requirements', left);
    attr('left_rank', left, 'Rank', right);
    attr('right_rank', right, 'Rank', left);
    for (const [i, [side, text, want]] of (expect.extra ?? []).entries()) {
      const expr = core.parseExpr(text);
      if (!expr) {
        problems.push(`extra ${i}: ${text} did not parse`);
        continue;
      }
      const [scope, target] = side === 'left' ? [left, right] : [right, left];
      problems.push(...compareTyped(want, JSON.parse(core.evalExpr(expr, scope, target)) as Record<string, unknown>, `extra ${i}`));
      expr.delete();
    }
    return problems;
  } finally {
    left?.delete();
    right?.delete();
  }
}
