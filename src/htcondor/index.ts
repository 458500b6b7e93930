// The `htcondor` module of the Python bindings.
export { platform, version } from './version.js';
