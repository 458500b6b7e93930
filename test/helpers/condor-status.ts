// HTCondor's own view of the pool, for comparison: condor_status run as the test user in the
// pool's root.
import { execFileSync } from 'node:child_process';
import { isDeepStrictEqual } from 'node:util';
import path from 'node:path';

const inRoot = path.resolve(import.meta.dirname, '../../scripts/in-root.sh');

/** Test files run side by side, and some advertise ads (named so) and take them out again; the
 * comparisons leave those out, since either side may have queried while one was there. */
export const advertisedByTests = (name: string) => name.startsWith('htcondor-wasm-');

/** Each ad `condor_status -l ARGS` prints, as "MyType|Name" and its attribute names, sorted by key. */
export function condorStatusLong(user: string, ...args: string[]): { key: string; names: string[] }[] {
  const long = execFileSync(inRoot, ['--user', user, 'condor_status', '-l', ...args], { encoding: 'utf8' });
  return sortedByKey(
    long.split(/\n\s*\n/).filter((block) => block.trim() !== '').map((block) => {
      const value = (attr: string) => new RegExp(`^${attr} = "(.*)"$`, 'm').exec(block)?.[1] ?? '';
      const names = block.split('\n').map((line) => /^(\w+) = /.exec(line)?.[1]).filter((n): n is string => n !== undefined);
      return { key: `${value('MyType')}|${value('Name')}`, names: names.sort() };
    }),
  );
}

/** The same shape from ads the library returned. */
export function adsByKey(ads: readonly { get(name: string): unknown; keys(): string[] }[]): { key: string; names: string[] }[] {
  return sortedByKey(ads.map((ad) => ({ key: `${String(ad.get('MyType'))}|${String(ad.get('Name') ?? '')}`, names: ad.keys().sort() })));
}

/** Sorted by key, without the ads tests advertise. */
export function sortedByKey<T extends { key: string }>(items: T[]): T[] {
  return items.filter((item) => !advertisedByTests(item.key.split('|')[1] ?? '')).sort((a, b) => a.key.localeCompare(b.key));
}

/**
 * Both sides of a comparison, taken again until they agree: a job starting or ending changes the
 * pool's ads (a dynamic slot, a submitter) between the two queries. At most 30 s; the last pair.
 */
export async function settled<T>(both: () => Promise<[T, T]>): Promise<[T, T]> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const pair = await both();
    if (isDeepStrictEqual(pair[0], pair[1]) || Date.now() > deadline) return pair;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
