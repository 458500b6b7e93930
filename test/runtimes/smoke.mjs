// Runtime smoke test, run by Deno, Bun and Node: both entries through the package's exports map.
import { htcondor as inWorker } from 'htcondor-wasm';
import { classad, htcondor as inThread } from 'htcondor-wasm/inthread';

console.log(
  JSON.stringify({
    inThread: { version: await inThread.version(), platform: await inThread.platform() },
    inWorker: { version: await inWorker.version(), platform: await inWorker.platform() },
    classad: new classad.ClassAd('[ a = 40; b = a + 2 ]').eval('b'),
  }),
);
