// The demo: what the library answers, through its worker, with a local pool and proxy running.
// Run it with `npm run demo` (which starts both), or against your own: node build/examples/demo.js
import { parseArgs } from 'node:util';

import { htcondor } from 'htcondor-wasm';

const { values } = parseArgs({ options: { proxy: { type: 'string' } } });

console.log(`htcondor.version()  ${await htcondor.version()}`);
console.log(`htcondor.platform() ${await htcondor.platform()}`);
if (values.proxy) console.log(`proxy for browsers   ${values.proxy}?target=127.0.0.1:9618`);
