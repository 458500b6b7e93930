import type { ClassAd } from '../classad/classad.js';
import { sinfulOf } from '../core/address.js';
import type { SecurityRequest, TargetRequest } from '../core/port.js';
import { HTCondorValueError } from '../errors.js';
import type { SecMan } from './secman.js';

/** How calls reach daemons and with which security; every API object that talks to one takes these. */
export interface ConnectionOptions {
  /** Reach daemons through this htcondor-wasm proxy (required in browsers): a ws:// or wss:// URL. */
  readonly proxy?: string;
  /** The proxy's bearer token, if it requires one. */
  readonly proxyToken?: string;
  /** Security settings and credentials for these calls (default: HTCondor's configuration where the runtime has one). */
  readonly security?: SecMan;
  /** Seconds a call may take before it fails with HTCondorIOError (default 30). */
  readonly timeout?: number;
}

const DEFAULT_TIMEOUT_SECONDS = 30;

/**
 * The parts of a core request that say how to reach `address` (absent: the configured
 * collector) and with which security (the SecMan's; SecMan.default when the options name none).
 */
export function targetRequest(address: string | undefined, options: ConnectionOptions, security: SecurityRequest): TargetRequest {
  return {
    ...(address !== undefined && { address }),
    ...(options.proxy && { proxy: { url: options.proxy, ...(options.proxyToken && { token: options.proxyToken }) } }),
    timeoutSeconds: options.timeout ?? DEFAULT_TIMEOUT_SECONDS,
    security,
  };
}

/** A daemon's address from a location ad (its MyAddress) or as given: `host[:port]` or a sinful string. */
export function addressOf(location: ClassAd | string): string {
  if (typeof location === 'string') return sinfulOf(location);
  const address = location.get('MyAddress');
  if (typeof address !== 'string') throw new HTCondorValueError('the location ad has no MyAddress');
  return address;
}
