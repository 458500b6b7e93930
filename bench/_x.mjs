import { htcondor } from 'htcondor-wasm';
import { testPool } from './lib/wire.mjs';
const pool = testPool();
const security = new htcondor.SecMan();
security.setToken(pool.token);
const location = await new htcondor.Collector(pool.collector, { security }).locate(htcondor.DaemonTypes.Schedd);
const schedd = new htcondor.Schedd(location, { security, timeout: 300 });
let cid = process.argv[2];
if (!cid) {
  const { clusterId } = await schedd.submit(new htcondor.Submit({ executable: '/bin/true', arguments: '$(Process)', hold: 'true', request_memory: '16', request_disk: '1024' }, { cwd: '/tmp' }), { count: 10000 });
  console.log('cluster', clusterId); process.exit(0);
}
await schedd.query('false');
let prev = [];
const out = [];
for (let i = 0; i < 4; i++) {
  for (const ad of prev) ad.dispose();
  const s = performance.now();
  prev = await schedd.query(`ClusterId == ${cid}`, process.env.PROJ ? process.env.PROJ.split(',') : undefined);
  out.push(Math.round(performance.now() - s));
}
console.log(out.join(' '), prev.length, prev[5].get('ProcId'), prev[5].get('Args'), prev[5].eval('RequestMemory * 2'), process.memoryUsage().external >> 20, 'MB');
process.exit(0);
