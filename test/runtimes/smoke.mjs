// Runtime smoke test, run by Deno, Bun and Node: both entries through the package's exports map,
// and, given a pool (SMOKE_COLLECTOR, SMOKE_TOKEN), its collector over the runtime's own TCP
// with an IDTOKENS session.
import { htcondor as inWorker } from 'htcondor-wasm';
import { classad, htcondor as inThread } from 'htcondor-wasm/inthread';

const collector = process.env.SMOKE_COLLECTOR;
async function poolAnswer(htcondor) {
  const security = new htcondor.SecMan();
  security.setToken(process.env.SMOKE_TOKEN);
  const session = await security.ping(collector, 'READ');
  const ads = await new htcondor.Collector(collector, { security }).query(htcondor.AdTypes.Collector, 'true', ['MyType']);
  return { user: session.get('MyRemoteUserName'), crypto: session.get('CryptoMethods'), ads: ads.map((ad) => ad.get('MyType')) };
}

console.log(
  JSON.stringify({
    inThread: { version: await inThread.version(), platform: await inThread.platform() },
    inWorker: { version: await inWorker.version(), platform: await inWorker.platform() },
    classad: new classad.ClassAd('[ a = 40; b = a + 2 ]').eval('b'),
    ...(collector && { pool: { inThread: await poolAnswer(inThread), inWorker: await poolAnswer(inWorker) } }),
  }),
);
