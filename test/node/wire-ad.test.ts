// Ads as query answers hand them to the main thread (src/htcondor/wire-ad.ts): a run of wire
// lines in one buffer with the end of each, parsed in one call; what does not parse is the
// daemon's fault, an HTCondorIOError that names the line, and nothing is half-returned.
import { describe, expect, it } from 'vitest';

import { ClassAd } from '../../src/classad/classad.js';
import { loadEngine } from '../../src/classad/engine.js';
import { ExprTree } from '../../src/classad/expr-tree.js';
import { HTCondorIOError } from '../../src/errors.js';
import { wireAds } from '../../src/htcondor/wire-ad.js';

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
});
