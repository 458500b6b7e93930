// "A script that works with HTCondor's Python bindings on a submit host works unchanged with
// this library in Node": the same script in both, run inside the test pool's root as the test
// user, with no address or credential in the code. The library finds the pool's configuration
// (CONDOR_CONFIG's files, COLLECTOR_HOST) and the user's token (~/.condor/tokens.d) itself.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

import { describe, expect, inject, it } from 'vitest';

const pool = inject('pool');
const inRoot = path.resolve(import.meta.dirname, '../../scripts/in-root.sh');
const asUser = (...command: string[]) =>
  JSON.parse(execFileSync(inRoot, ['--user', pool.user, ...command], { encoding: 'utf8' }).trim().split('\n').at(-1)!) as unknown;

const python = `
import json, htcondor
collector = htcondor.Collector()
schedd = collector.locate(htcondor.DaemonTypes.Schedd)
session = htcondor.SecMan().ping(schedd, "WRITE")
slots = collector.query(htcondor.AdTypes.Startd, "true", ["Name"])
print(json.dumps({"schedd": schedd["Name"], "user": session["MyRemoteUserName"],
                  "authorized": session["AuthorizationSucceeded"], "slots": sorted(ad["Name"] for ad in slots)}))
`;

describe('on a submit host', () => {
  it('finds the pool and the user token as the Python bindings do, and gets the same answers', () => {
    const theirs = asUser('python3', '-c', python);
    const ours = asUser('sh', '-c', 'cd /project && node test/node/fixtures/submit-host.mjs') as Record<string, unknown>;
    // The Python bindings authenticate with FS on the same host; the library, which cannot, with the user's token.
    expect(ours['method']).toBe('TOKEN');
    delete ours['method'];
    expect(ours).toEqual(theirs);
    expect(ours['user']).toBe(pool.identity);
  });
});
