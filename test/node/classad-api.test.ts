// The classad module's API against the real engine (in-thread WASM), as Python's `classad`.
import { describe, expect, it } from 'vitest';

import { classad } from 'htcondor-wasm';

const { ClassAd, ExprTree, Value, quote, unquote, ClassAdParseError, ClassAdValueError, ClassAdEvaluationError, ClassAdTypeError, Attribute, Literal, Function, parseAds, parseOne, parseNext, ParserType, register } = classad;

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
    expect(ad.get('owner')).toBe('alice');
    expect(ad.get('Rank')).toBeInstanceOf(ExprTree);
    expect(ad.get('missing')).toBeUndefined();
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

  it('refuses a value with no ClassAd form with ClassAdTypeError', () => {
    expect(() => new ClassAd().set('f', () => 1)).toThrow(ClassAdTypeError);
    expect(() => new ClassAd().set('s', Symbol('x'))).toThrow(ClassAdTypeError);
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
    // Reserved words are quoted, so they stay attribute names and not true or a scope.
    expect(Attribute('true').eval(new ClassAd({ true: 7 }))).toBe(7);
    expect(Attribute('parent').unparse()).toBe("'parent'");
    expect(new ClassAd({ undefined: 1, Parent: 2 }).eval('parent')).toBe(2);
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
    const n = ad.lookup('N')!;
    n.eval(new ClassAd({ A: 99 }));
    expect(new ExprTree('N.Y').eval(ad)).toBe(1);
  });

  it('keeps its ad alive: it still evaluates there after the ad is disposed and its memory reused', () => {
    const ad = new ClassAd('[ X = Y + 1; Y = 2 ]');
    const x = ad.lookup('X')!;
    ad.dispose();
    for (let i = 0; i < 1000; i++) new ClassAd(`[ Y = ${i}; Z = "${'z'.repeat(i % 50)}" ]`).dispose();
    expect(x.eval()).toBe(3);
  });

  it('goes into another ad as a copy, as in Python: the original keeps its own scope', () => {
    const expr = new ExprTree('Y + 1');
    const ad = new ClassAd({ Y: 2 });
    ad.set('X', expr);
    expect(ad.eval('X')).toBe(3);
    expect(expr.eval()).toBe(Value.Undefined);
    expect(ad.lookup('X')!.eval()).toBe(3);
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

  it('refuses a name that is not an identifier', () => {
    expect(() => register(() => 1, 'not a name')).toThrow(TypeError);
    expect(() => Function('bad name')).toThrow(TypeError);
  });

  it('turns a throwing function into an error value', () => {
    register(() => {
      throw new Error('boom');
    }, 'jsThrows');
    expect(new ExprTree('jsThrows()').eval()).toBe(Value.Error);
  });
});

// Expected results as HTCondor 23.9.6's Python bindings give them (with `import htcondor`).
describe('flatten, references, sameAs and operator nodes', () => {
  const ad = () => new ClassAd('[a = 1; b = x + a; c = [q = 1]; rm = 2048]');

  it('flattens as HTCondor does', () => {
    const flat = (text: string) => {
      const r = ad().flatten(text);
      return r instanceof ExprTree ? r.unparse() : r;
    };
    expect(flat('a + rm')).toBe(2049);
    expect(flat('foo == a')).toBe('foo == 1');
    expect(flat('x + a')).toBe('1 + x');
    expect(flat('b')).toBe('b');
    expect(flat('RequestMemory * 1024 * 1024')).toBe('1048576 * RequestMemory');
    expect(flat('x && true')).toBe('x');
    expect(flat('x || true')).toBe(true);
    expect(flat('x ? a : 2')).toBe('x ? 1 : 2');
    expect(flat('strcat(x, a)')).toBe('strcat(x,1)');
    expect(flat('f(x)')).toBe(Value.Error);
    expect(() => ad().flatten('true ?: x')).toThrow(ClassAdValueError);
    // Python's test_flatten.
    const scope = new ClassAd({ bar: 1 });
    const flattened = scope.flatten(Attribute('foo').eq(Attribute('bar')));
    expect(flattened instanceof ExprTree && flattened.sameAs(new ExprTree('foo == 1'))).toBe(true);
  });

  it('flattens an expression taken from the ad without changing the ad', () => {
    const scope = ad();
    const b = scope.lookup('b')!;
    expect((scope.flatten(b) as InstanceType<typeof ExprTree>).unparse()).toBe('1 + x');
    expect(scope.lookup('b')!.unparse()).toBe('x + a');
    expect(scope.eval('b')).toBe(Value.Undefined);
  });

  it('lists external and internal references', () => {
    const scope = ad();
    expect(scope.externalRefs('x + a + TARGET.y + c.q + c.w + b')).toEqual(['TARGET.y', 'w', 'x']);
    expect(scope.internalRefs('x + a + TARGET.y + c.q + c.w + b')).toEqual(['a', 'b', 'c']);
    const bar = new ClassAd({ bar: 2 });
    expect(bar.internalRefs(new ExprTree('foo =?= bar'))).toEqual(['bar']);
    expect(bar.externalRefs(new ExprTree('foo =?= bar'))).toEqual(['foo']);
    expect(() => new ClassAd('[l = {1}]').externalRefs('l.zz')).toThrow(ClassAdValueError);
  });

  it('compares trees structurally', () => {
    expect(new ExprTree('x + 1').sameAs(new ExprTree('x+1'))).toBe(true);
    expect(new ExprTree('(x + 1)').sameAs(new ExprTree('x + 1'))).toBe(false);
    expect(new ExprTree('1.0').sameAs(new ExprTree('1'))).toBe(false);
    expect(new ExprTree('[a = 1; b = 2]').sameAs(new ExprTree('[B = 2; A = 1]'))).toBe(true);
  });

  it('builds operator nodes over copies of the operands', () => {
    const both = new ExprTree('a').and(new ExprTree('b || c'));
    expect(both.unparse()).toBe('a && b || c');
    expect(both.sameAs(new ExprTree('a && (b || c)'))).toBe(false);
    expect(new ExprTree('x').add(1).unparse()).toBe('x + 1');
    expect(new ExprTree('x').not().unparse()).toBe(' !x');
    expect(Literal(1).add(2).eval()).toBe(3);
    expect(Attribute('foo').is(Value.Undefined).eval()).toBe(true);
    // An operand taken from an ad keeps the ad as its scope.
    const scope = new ClassAd('[a = x; x = 1]');
    const sum = scope.lookup('a')!.add(new ExprTree('a'));
    expect(sum.unparse()).toBe('x + a');
    expect(sum.eval(new ClassAd('[a = 5; x = 2]'))).toBe(7);
    expect(scope.lookup('a')!.eval()).toBe(1);
  });

  it('simplifies to the value as an expression, as Python', () => {
    expect(new ExprTree('x + 1').simplify().unparse()).toBe('undefined');
    expect(new ExprTree('a + 1').simplify(ad()).unparse()).toBe('2');
    expect(new ExprTree('{1, 1 + 1}').simplify().unparse()).toBe('{ 1,1 + 1 }');
    expect(() => new ExprTree('a').simplify(new ClassAd('[a = a]'))).toThrow(ClassAdEvaluationError);
  });
});
