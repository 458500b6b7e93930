// The `htcondor` module of the Python bindings.
export { AdTypes } from './ad-types.js';
export { Collector } from './collector.js';
export { platform, version } from './version.js';
