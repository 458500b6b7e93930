// What the host answers leaves the worker by transfer, not by copy: a query's ads and a
// file's pieces (Records) are buffers the core made for this answer alone, so the caller can
// have them as they are. Cloning the 19 MB of a 10,000-job answer cost a copy on each side.
import * as Comlink from 'comlink';

import type { CorePort } from '../src/core/port.js';

function isRecords(value: unknown): value is { bytes: Uint8Array; ends: Uint32Array } {
  return typeof value === 'object' && value !== null && (value as { bytes?: unknown }).bytes instanceof Uint8Array
    && (value as { ends?: unknown }).ends instanceof Uint32Array;
}

// The buffers of the Records in an answer: Records[] (collectorQuery) or a step's items.
function recordBuffers(answer: unknown): ArrayBuffer[] {
  const items = Array.isArray(answer) ? answer : (answer as { items?: unknown } | null)?.items;
  if (!Array.isArray(items)) return [];
  const buffers = new Set<ArrayBuffer>();
  for (const item of items) {
    if (!isRecords(item)) continue;
    buffers.add(item.bytes.buffer as ArrayBuffer);
    buffers.add(item.ends.buffer as ArrayBuffer);
  }
  return [...buffers];
}

/** `port`, whose answers carrying Records are marked for Comlink to transfer. */
export function transferringRecords(port: CorePort): CorePort {
  return new Proxy(port, {
    get(target, name, receiver) {
      const method = Reflect.get(target, name, receiver) as unknown;
      if (typeof method !== 'function') return method;
      return async (...args: unknown[]) => {
        const answer = (await method.apply(target, args)) as unknown;
        const buffers = recordBuffers(answer);
        return buffers.length === 0 ? answer : Comlink.transfer(answer, buffers);
      };
    },
  });
}
