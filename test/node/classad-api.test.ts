// The classad module's API against the real engine (in-thread WASM), as Python's `classad`.
import { describe, expect, it } from 'vitest';

import { classad } from 'htcondor-wasm';

const { ClassAd, ExprTree, Value, quote, unquote, ClassAdParseError, ClassAdValueError, ClassAdEvaluationError, Attribute, Literal, Function, parseAds, parseOne, parseNext, ParserType, register } = classad;

describe('ExprTree', () => {
  it('parses, prints and evaluates', () => {
    const e = new ExprTree('1 + 2 * 3');
    expect(e.unparse()).toBe('1 + 2 * 3');
    expect(e.eval()).toBe(7);
    expect(new ExprTree('{1, "a", undefined}').eval()).toEqual([1, 'a', Value.Undefined]);
    expect(new ExprTree('1/0').eval()).toBe(Value.Error);
  });

  it('gives integers beyond 2^53 as bigint', () => {
    expect(new ExprTree('9223372036854775807').eval()).toBe(9223372036854775807n);
    expect(new ExprTree('9007199254740991').eval()).toBe(9007199254740991);
  });

  it('rejects bad text with ClassAdParseError', () => {
    expect(() => new ExprTree('1 +')).toThrow(ClassAdParseError);
    expect(() => new ExprTree('f(1,)')).toThrow(ClassAdParseError);
  });

  it('reports an evaluation failure apart from error', () => {
    const ad = new ClassAd('[ a = a ]');
    expect(() => new ExprTree('a').eval(ad)).toThrow(ClassAdEvaluationError);
  });

  it('composes with operators', () => {
    const memory = new ExprTree('Memory');
    const req = memory.ge(1024).and(new ExprTree('Cpus > 0'));
    expect(req.eval(new ClassAd({ Memory: 2048, Cpus: 2 }))).toBe(true);
    expect(req.eval(new ClassAd({ Memory: 512, Cpus: 2 }))).toBe(false);
  });
});

describe('ClassAd', () => {
  it('is a case-insensitive map of expressions in HTCondor order', () => {
    const ad = new ClassAd('[ Owner = "alice"; RequestMemory = 2048; Rank = TARGET.Mips ]');
    expect(ad.keys()).toEqual(['Rank', 'Owner', 'RequestMemory']);
    expect(ad.get('owner')?.eval()).toBe('alice');
    expect(ad.eval('REQUESTMEMORY')).toBe(2048);
    expect(ad.has('missing')).toBe(false);
    expect(ad.eval('missing')).toBe(Value.Undefined);
    ad.set('Cpus', 4).set('Name', 'slot1').set('Ratio', 0.5).set('Big', 2n ** 62n);
    expect(ad.eval('cpus')).toBe(4);
    expect(ad.eval('ratio')).toBe(0.5);
    expect(ad.eval('big')).toBe(2n ** 62n);
    expect(ad.delete('Name')).toBe(true);
    expect(ad.size).toBe(6);
    expect([...ad].map(([name]) => name)).toEqual(ad.keys());
  });

  it('evaluates against a target and matches', () => {
    const job = new ClassAd('[ RequestMemory = 2048; Requirements = TARGET.Memory >= RequestMemory ]');
    const big = new ClassAd('[ Memory = 4096; Requirements = true ]');
    const small = new ClassAd('[ Memory = 1024; Requirements = true ]');
    expect(job.matches(big)).toBe(true);
    expect(job.symmetricMatch(small)).toBe(false);
    expect(job.eval('Requirements', big)).toBe(true);
  });

  it('prints old syntax and new syntax', () => {
    const ad = new ClassAd({ A: 1, B: 'x' });
    expect(ad.printOld()).toBe('A = 1\nB = "x"\n');
    expect(ad.unparse()).toBe('[ A = 1; B = "x" ]');
  });

  it('rejects bad ad text with ClassAdParseError', () => {
    expect(() => new ClassAd('[ a = ]')).toThrow(ClassAdParseError);
  });

  it('refuses use after dispose', () => {
    const ad = new ClassAd({ a: 1 });
    ad.dispose();
    expect(() => ad.keys()).toThrow(/after dispose/);
  });
});

describe('quote and unquote', () => {
  it('round-trip strings with HTCondor escapes', () => {
    expect(quote('a"b\\c\n')).toBe('"a\\"b\\\\c\\n"');
    expect(unquote(quote('héllo "x"'))).toBe('héllo "x"');
    expect(() => unquote('"abc')).toThrow(ClassAdValueError);
  });
});

describe('building expressions', () => {
  it('from attributes, literals and function calls', () => {
    expect(Attribute('Memory').unparse()).toBe('Memory');
    expect(Attribute('with space').unparse()).toBe("'with space'");
    expect(Literal(5).eval()).toBe(5);
    expect(Literal.real(2).unparse()).toBe('2.000000000000000E+00');
    expect(Literal('a"b').unparse()).toBe('"a\\"b"');
    expect(Literal([1, 'x']).eval()).toEqual([1, 'x']);
    expect(Function('strcat', 'a', 1, Attribute('B')).eval(new ClassAd({ B: 'c' }))).toBe('a1c');
  });
});

describe('parseAds, parseOne, parseNext', () => {
  it('read new, old and JSON syntax', () => {
    const ads = parseAds('[ a = 1 ]\n[ b = 2 ]');
    expect(ads.map((ad) => ad.keys())).toEqual([['a'], ['b']]);
    expect(parseAds('A = 1\nB = "x"\n\nC = 3\n', ParserType.Old).map((ad) => ad.size)).toEqual([2, 1]);
    expect(parseNext('{"a": 1, "b": "\\/Expr(a + 1)\\/"}', ParserType.Json).eval('b')).toBe(2);
    const merged = parseOne('A = 1\nB = 2\n\nB = 3\n');
    expect([merged.eval('A'), merged.eval('B')]).toEqual([1, 3]);
  });

  it('throw ClassAdParseError on malformed input', () => {
    expect(() => parseAds('[ a = 1, b = 2 ]')).toThrow(ClassAdParseError);
  });
});

describe('an expression taken from an ad', () => {
  it('keeps the ad as its scope, even after evaluation elsewhere', () => {
    const ad = new ClassAd('[ A = 1; N = [ Y = parent.A ] ]');
    const n = ad.get('N')!;
    n.eval(new ClassAd({ A: 99 }));
    expect(new ExprTree('N.Y').eval(ad)).toBe(1);
  });
});

describe('register', () => {
  it('makes a JavaScript function callable from expressions', () => {
    register(function jsDouble(x) {
      return typeof x === 'number' ? x * 2 : classad.Value.Error;
    });
    register((a, b) => [a, b, `${String(a)}-${String(b)}`], 'pairUp');
    expect(new ExprTree('JSDOUBLE(21) + 0').eval()).toBe(42);
    expect(new ExprTree('jsDouble("x")').eval()).toBe(Value.Error);
    expect(new ExprTree('pairUp(1, A)').eval(new ClassAd({ A: 'z' }))).toEqual([1, 'z', '1-z']);
  });

  it('turns a throwing function into an error value', () => {
    register(() => {
      throw new Error('boom');
    }, 'jsThrows');
    expect(new ExprTree('jsThrows()').eval()).toBe(Value.Error);
  });
});
