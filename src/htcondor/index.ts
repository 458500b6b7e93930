// The `htcondor` module of the Python bindings.
export { AdTypes } from './ad-types.js';
export { Collector, type CollectorOptions } from './collector.js';
export { platform, version } from './version.js';
