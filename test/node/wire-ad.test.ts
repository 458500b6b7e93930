// Ads as query answers hand them to the main thread (src/htcondor/wire-ad.ts): a run of wire
// lines in one buffer with the end of each, parsed in one call; what does not parse is the
// daemon's fault, an HTCondorIOError that names the line, and nothing is half-returned. The
// run's ads share one core handle (src/classad/ad-run.ts) until one needs its own, and each is
// freed by dispose() or when it is collected, whatever became of the others.
import { describe, expect, it } from 'vitest';

import { ClassAd } from '../../src/classad/classad.js';
import { engineMemoryBytes } from '../../src/classad/diagnostics.js';
import { loadEngine } from '../../src/classad/engine.js';
import { ExprTree } from '../../src/classad/expr-tree.js';
import { HTCondorIOError } from '../../src/errors.js';
import { wireAds } from '../../src/htcondor/wire-ad.js';
import { collectGarbage } from '../helpers/collect-garbage.js';

const coreModule = process.env['HTCONDOR_CORE_MODULE'] ?? '../../dist/core/htcondor-core.mjs';
const { default: createCoreModule } = (await import(coreModule)) as { default: () => Promise<unknown> };
await loadEngine(createCoreModule);

function records(...ads: string[]) {
  const bytes = new TextEncoder().encode(ads.join(''));
  let end = 0;
  const ends = Uint32Array.from(ads, (ad) => (end += new TextEncoder().encode(ad).length));
  return { bytes, ends };
}

describe('wireAds', () => {
  it('parses each record of a run as one ad, UTF-8 included', () => {
    const ads = wireAds(records('Name = "slot1@vm"\nCpus = 2\n', 'Name = "é@vm"\nCpus = 4 * 2\n'));
    expect(ads.map((ad) => [ad.get('Name'), ad.eval('Cpus')])).toEqual([['slot1@vm', 2], ['é@vm', 8]]);
  });

  it('shares an expression repeated across the run, yet each ad evaluates it in its own scope', () => {
    const job = (proc: number) => `ProcId = ${proc}\nTwice = ProcId * 2\nL = { ProcId, 3 }\nN = [ A = ProcId ]\nNA = N.A\nRequirements = TARGET.Cpus >= ProcId\n`;
    const ads = wireAds(records(job(1), job(2), job(3)));
    const slot = new ClassAd({ Cpus: 2 });
    expect(ads.map((ad) => [ad.eval('Twice'), ad.lookup('Twice')!.eval(), new ExprTree('Twice + 1').eval(ad), ad.eval('L'), ad.matches(slot)]))
      .toEqual([[2, 2, 3, [1, 3], true], [4, 4, 5, [2, 3], true], [6, 6, 7, [3, 3], false]]);
    // A nested ad is each ad's own: its parent is the ad it sits in.
    expect(ads.map((ad) => ad.eval('NA'))).toEqual([1, 2, 3]);
    // What one ad's expression was evaluated against leaves the others alone.
    const twice = ads[0]!.lookup('Twice')!;
    twice.eval(new ClassAd({ ProcId: 50 }));
    expect(ads.map((ad) => ad.eval('Twice'))).toEqual([2, 4, 6]);
  });

  it('refuses a line that does not parse, naming it', () => {
    expect(() => wireAds(records('Cpus = 2\n', 'Name = "open\n'))).toThrow(HTCondorIOError);
    expect(() => wireAds(records('Cpus = 2\n', 'Cpus = 1 +\n'))).toThrow(/does not parse: attribute line does not parse: Cpus = 1 \+/);
  });

  it('refuses record bounds past the buffer or out of order', () => {
    const run = records('Cpus = 2\n', 'Cpus = 3\n');
    expect(() => wireAds({ bytes: run.bytes, ends: Uint32Array.of(9, 40) })).toThrow(HTCondorIOError);
    expect(() => wireAds({ bytes: run.bytes, ends: Uint32Array.of(9, 4) })).toThrow(/record bounds/);
  });

  it('answers from the run, takes a handle of its own when an ad needs one, and frees each ad once', () => {
    const ads = wireAds(records('A = 1\nB = A + 1\n', 'A = 2\nS = "x"\n', 'A = 3\n'));
    expect(ads.map((ad) => [ad.get('A'), ad.has('B'), ad.has('Nope'), ad.get('Nope')])).toEqual([[1, true, false, undefined], [2, false, false, undefined], [3, false, false, undefined]]);
    // get() of an expression, eval, keys, printing: the ad leaves the run and keeps its values.
    expect(String(ads[0]!.get('B'))).toBe('A + 1');
    expect(ads[0]!.eval('B')).toBe(2);
    expect([ads[1]!.keys(), ads[1]!.get('S')]).toEqual([['A', 'S'], 'x']);
    ads[1]!.set('A', 20);
    expect(ads[1]!.eval('A')).toBe(20);
    // Disposed in the run or after leaving it, twice or not: used afterwards, it says so.
    ads[2]!.dispose();
    ads[2]!.dispose();
    ads[0]!.dispose();
    for (const ad of [ads[0]!, ads[2]!]) expect(() => ad.get('A')).toThrow(ReferenceError);
    expect(ads[1]!.get('A')).toBe(20);
  });

  it('keeps no more of a run than its live ads need', async () => {
    const job = (proc: number) => `ClusterId = 7\nProcId = ${proc}\nOwner = "alice"\nCmd = "/bin/sleep"\nArgs = "${proc} and some more text"\n`;
    const run = () => wireAds(records(...Array.from({ length: 10_000 }, (_, i) => job(i))));
    // What eight runs take while every ad is held.
    const start = engineMemoryBytes();
    const held = Array.from({ length: 8 }, run);
    const eightRuns = engineMemoryBytes() - start;
    expect(eightRuns).toBeGreaterThan(0);
    for (const ads of held) for (const ad of ads) ad.dispose();
    // Disposed ads (in the run, or after taking a handle) and collected ones leave nothing behind.
    const churn = async () => {
      for (let round = 0; round < 6; round++) {
        const ads = run();
        if (round % 2) for (const ad of ads) ad.dispose();
        else ads.slice(0, 100).forEach((ad) => ad.eval('ProcId'));
      }
      await collectGarbage();
    };
    await churn();
    const before = engineMemoryBytes();
    for (let i = 0; i < 3; i++) await churn();
    expect(engineMemoryBytes() - before).toBe(0);
    // One ad kept from each of 20 runs keeps itself, not its run's 9,999 others.
    const kept = [];
    for (let round = 0; round < 20; round++) {
      kept.push(run()[round]!);
      await collectGarbage();
    }
    expect(engineMemoryBytes() - before).toBeLessThan(eightRuns);
    expect(kept.map((ad) => ad.get('ProcId'))).toEqual(Array.from({ length: 20 }, (_, i) => i));
  }, 120_000);
});
