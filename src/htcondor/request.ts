import type { TargetRequest } from '../core/port.js';
import { targetRequest, type ConnectionOptions } from './connection.js';
import { SecMan } from './secman.js';

/** How to reach `address` (absent: the configured collector) with the options' SecMan, or SecMan.default. */
export function daemonRequest(address: string | undefined, options: ConnectionOptions): TargetRequest {
  return targetRequest(address, options, (options.security ?? SecMan.default).request());
}
