// Runtime smoke test, run by Deno, Bun and Node: both entries through the package's exports map,
// and, given a pool (SMOKE_COLLECTOR, SMOKE_TOKEN), its collector over the runtime's own TCP
// with an IDTOKENS session, and through the proxy at SMOKE_PROXY if given (the process must
// still exit soon after); given an event log (SMOKE_EVENT_LOG), its events read from the path
// and from a stream of its bytes.
import { htcondor as inWorker } from 'htcondor-wasm';
import { classad, htcondor as inThread } from 'htcondor-wasm/inthread';

const collector = process.env.SMOKE_COLLECTOR;
const proxy = process.env.SMOKE_PROXY;
async function poolAnswer(htcondor, via = {}) {
  const security = new htcondor.SecMan(via);
  security.setToken(process.env.SMOKE_TOKEN);
  const session = await security.ping(collector, 'READ');
  // Whole ads: records of several KiB, which the core's AES-GCM hands to the runtime's node:crypto.
  const ads = await new htcondor.Collector(collector, { security, ...via }).query(htcondor.AdTypes.Collector, 'true');
  return {
    user: session.get('MyRemoteUserName'),
    crypto: session.get('CryptoMethods'),
    ads: ads.map((ad) => [ad.get('MyType'), ad.printOld().length > 1024]),
  };
}

const eventLog = process.env.SMOKE_EVENT_LOG;
// Closed when done: Bun fails a process whose FileHandle is left to the garbage collector.
async function eventTypes(source) {
  const log = new inThread.JobEventLog(source);
  const types = [];
  for await (const event of log.events(0)) types.push(`${event.type}:${event.cluster}.${event.proc}`);
  await log.close();
  return types;
}
const streamOf = (bytes) => new ReadableStream({ start(c) { c.enqueue(bytes.subarray(0, 50)); c.enqueue(bytes.subarray(50)); c.close(); } });

// A description with an include file and a file of items, read from the filesystem.
const submitDir = process.env.SMOKE_SUBMIT_DIR;
function submitJobs() {
  const sub = new inThread.Submit('include : part.inc\narguments = $(x)\nqueue x from items.txt\n', { cwd: submitDir, user: 'smoke', config: {} });
  const jobs = [...sub.jobs({ qdate: 1 })].map((ad) => `${ad.get('Cmd')} ${ad.get('Args')}`);
  sub.dispose();
  return jobs;
}

console.log(
  JSON.stringify({
    inThread: { version: await inThread.version(), platform: await inThread.platform() },
    inWorker: { version: await inWorker.version(), platform: await inWorker.platform() },
    classad: new classad.ClassAd('[ a = 40; b = a + 2 ]').eval('b'),
    ...(eventLog && {
      eventLog: { path: await eventTypes(eventLog), stream: await eventTypes(streamOf(new Uint8Array(await (await import('node:fs/promises')).readFile(eventLog)))) },
    }),
    ...(submitDir && { submit: submitJobs() }),
    ...(collector && { pool: { inThread: await poolAnswer(inThread), inWorker: await poolAnswer(inWorker) } }),
    ...(proxy && { proxied: { inThread: await poolAnswer(inThread, { proxy }), inWorker: await poolAnswer(inWorker, { proxy }) } }),
  }),
);
