// The demo: what the library answers, with a local pool and proxy running.
// Run it with `npm run demo` (which starts both), or against your own: node build/examples/demo.js
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { classad, htcondor } from 'htcondor-wasm';

const { values } = parseArgs({
  options: {
    proxy: { type: 'string' },
    token: { type: 'string' },
    // A directory the pool's jobs may write (as the pool sees it), and where this process reads it.
    'job-dir': { type: 'string' },
    'job-dir-here': { type: 'string' },
  },
});

// From the C++ core, through the worker.
console.log(`htcondor.version()  ${await htcondor.version()}`);
console.log(`htcondor.platform() ${await htcondor.platform()}`);
if (values.proxy) console.log(`proxy for browsers   ${values.proxy} (streams to 127.0.0.1:9618)`);

// The pool's daemons, queried from the collector by the library.
const daemons = await new htcondor.Collector('127.0.0.1:9618').query(htcondor.AdTypes.Any, 'true', ['MyType', 'Name']);
console.log(`the pool's daemons (${daemons.length} ads from the collector):`);
for (const ad of daemons) console.log(`  ${String(ad.get('MyType')).padEnd(13)} ${String(ad.get('Name'))}`);

// HTCondor's security, end to end: an IDTOKENS session (ECDH, AES-GCM) with the collector, and
// the schedd located through the shared port, both direct and through the proxy.
if (values.token) {
  const security = new htcondor.SecMan();
  security.setToken(readFileSync(values.token, 'utf8').trim());
  const session = await security.ping('127.0.0.1:9618', 'READ');
  console.log(`ping the collector: ${String(session.get('MyRemoteUserName'))} via ${String(session.get('AuthMethods'))}, ` +
    `encryption ${String(session.get('Encryption'))} (${String(session.get('CryptoMethods'))}-GCM)`);
  const collector = new htcondor.Collector('127.0.0.1:9618', { security });
  const schedd = await collector.locate(htcondor.DaemonTypes.Schedd);
  console.log(`the schedd at ${String(schedd.get('MyAddress'))}`);
  const write = await security.ping(schedd, 'WRITE');
  console.log(`ping the schedd for WRITE: authorized ${String(write.get('AuthorizationSucceeded'))}`);
  if (values.proxy) {
    const viaProxy = new htcondor.SecMan({ proxy: values.proxy });
    viaProxy.setToken(readFileSync(values.token, 'utf8').trim());
    const s = await viaProxy.ping('127.0.0.1:9618', 'READ');
    console.log(`the same through the proxy: ${String(s.get('MyRemoteUserName'))}, ${String(s.get('CryptoMethods'))}`);
  }

  // A job: submitted, followed through its event log to its end, then read from the history.
  if (values['job-dir'] && values['job-dir-here']) {
    const queue = new htcondor.Schedd(schedd, { security });
    const job = new htcondor.Submit({
      executable: '/bin/echo',
      arguments: 'hello from htcondor-wasm',
      output: 'demo.$(Cluster).out',
      log: 'demo.log',
      request_memory: '16',
      request_disk: '1024',
    }, { cwd: values['job-dir'] });
    const result = await queue.submit(job);
    console.log(`submitted job ${result.clusterId}.0; waiting for it in its event log`);
    const log = path.join(values['job-dir-here'], 'demo.log');
    for await (const event of new htcondor.JobEventLog(log).events(120)) {
      if (event.cluster !== result.clusterId) continue;
      console.log(`  ${htcondor.JobEventType[event.type] ?? event.type}`);
      if (event.type === htcondor.JobEventType.JOB_TERMINATED) break;
    }
    console.log(`its output: ${readFileSync(path.join(values['job-dir-here'], `demo.${result.clusterId}.out`), 'utf8').trim()}`);
    // The history file is written a moment after the job leaves the queue.
    for (let tries = 0; tries < 20; tries++) {
      let record: classad.ClassAd | undefined;
      for await (const ad of await queue.history(`ClusterId == ${result.clusterId}`, [], 1)) record = ad;
      if (record) {
        console.log('its history ad:');
        for (const name of ['ClusterId', 'ProcId', 'Owner', 'Cmd', 'Args', 'ExitCode', 'JobStatus', 'RemoteWallClockTime']) {
          console.log(`  ${name} = ${String(record.lookup(name) ?? 'undefined')}`);
        }
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

// The ClassAd language, in this thread: a job and a machine, matched as the negotiator would.
const job = new classad.ClassAd(`[
  Owner = "alice"; RequestMemory = 2048; RequestCpus = 2;
  Requirements = TARGET.Memory >= RequestMemory && TARGET.Cpus >= RequestCpus;
  Rank = TARGET.Mips
]`);
const machine = new classad.ClassAd({ Name: 'slot1@demo', Memory: 4096, Cpus: 4, Mips: 20000, Requirements: true });
console.log(`job matches ${String(machine.get('Name'))}: ${job.symmetricMatch(machine)}, rank ${String(job.eval('Rank', machine))}`);
console.log(`job requirements, flattened: ${String(job.flatten(job.lookup('Requirements')!))}`);
