// Browsers have no HTCondor configuration files: everything comes from the caller (SecMan).
import { HTCondorIOError } from '../src/errors.js';
import type { HostConfiguration } from './host-config.js';

export type { HostConfiguration } from './host-config.js';

export function hostConfiguration(_core?: unknown): HostConfiguration {
  return {
    lookup: () => undefined,
    tokens: () => [],
    poolPassword: () => undefined,
    readFile: () => undefined,
    scitoken: () => undefined,
    pid: 0,
  };
}

export function writeToken(): never {
  throw new HTCondorIOError('htcondor-wasm: browsers have no tokens directory to write a token to');
}
