// Runs one ClassAd conformance case through the WASM core and lists how it differs from
// what HTCondor produced (empty: it passed).
import { compareTyped } from './typed-compare.js';
import type { Case } from './corpus.js';

export interface CoreClassAd {
  parseExpr(text: string): { unparse(): string; pretty(): string; delete(): void } | null;
  parseAd(text: string): { delete(): void } | null;
  readAds(text: string, syntax: string): { status: string; ads: AdHandle[]; rest: string };
  adAttributeNames(ad: AdHandle): string[];
  adAttributeUnparse(ad: AdHandle, name: string): string | null;
  adPretty(ad: AdHandle): string;
  adOld(ad: AdHandle): string;
  adJson(ad: AdHandle): string;
  evalExpr(expr: unknown, scope: unknown, target: unknown): string;
  evalAttr(ad: unknown, name: string, target: unknown): string;
  matches(ad: unknown, target: unknown): boolean;
  quote(s: string): string;
  unquote(text: string): string | null;
}

interface AdHandle {
  unparse(): string;
  delete(): void;
}

export function runClassAdCase(core: CoreClassAd, c: Case): string[] {
  switch (c.kind) {
    case 'expr': return exprCase(core, c);
    case 'match': return matchCase(core, c);
    case 'quote': return quoteCase(core, c);
    case 'ad': return adCase(core, c);
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

interface ExpectedAd {
  attrs: { name: string; unparse: string; value: Record<string, unknown> }[];
  unparse: string;
  pretty: string;
  old: string;
  json: string;
}

function adCase(core: CoreClassAd, c: Case): string[] {
  const input = c.input as { text: string; syntax: string };
  const expect = c.expect as { status: string; ads: ExpectedAd[]; rest?: string };
  const got = core.readAds(input.text, input.syntax);
  try {
    const problems: string[] = [];
    if (got.status !== expect.status) problems.push(`status: ${got.status}, expected ${expect.status}`);
    if (got.ads.length !== expect.ads.length) problems.push(`${got.ads.length} ads, expected ${expect.ads.length}`);
    // `rest` is recorded only when it is not blank.
    if (expect.status === 'ok' && got.status === 'ok' && (got.rest.trim() === '' ? undefined : got.rest) !== expect.rest) {
      problems.push(`rest: ${JSON.stringify(got.rest)}, expected ${JSON.stringify(expect.rest)}`);
    }
    expect.ads.forEach((want, i) => {
      const ad = got.ads[i];
      if (!ad) return;
      const where = `ad ${i}`;
      const names = core.adAttributeNames(ad);
      if (names.length !== want.attrs.length) problems.push(`${where}: ${names.length} attributes, expected ${want.attrs.length}`);
      want.attrs.forEach((attr, k) => {
        if (names[k] !== attr.name) {
          problems.push(`${where}: attribute ${k} is ${String(names[k])}, expected ${attr.name}`);
          return;
        }
        const unparse = core.adAttributeUnparse(ad, attr.name);
        if (unparse !== attr.unparse) problems.push(`${where}.${attr.name}: unparse ${JSON.stringify(unparse)}, expected ${JSON.stringify(attr.unparse)}`);
        const value = JSON.parse(core.evalAttr(ad, attr.name, null)) as Record<string, unknown>;
        problems.push(...compareTyped(attr.value, value, `${where}.${attr.name}`, c.volatile === true));
      });
      const renderings: [string, string, string][] = [
        ['unparse', ad.unparse(), want.unparse],
        ['pretty', core.adPretty(ad), want.pretty],
        ['old', core.adOld(ad), want.old],
        ['json', core.adJson(ad), want.json],
      ];
      for (const [name, mine, theirs] of renderings) {
        if (mine !== theirs) problems.push(`${where} ${name}: ${JSON.stringify(mine)}, expected ${JSON.stringify(theirs)}`);
      }
    });
    return problems;
  } finally {
    for (const ad of got.ads) ad.delete();
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
