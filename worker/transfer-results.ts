// What the host answers leaves the worker by transfer, not by copy: a query's ads and a
// file's pieces (Records) are buffers the core made for this answer alone, so the caller can
// have them as they are. Cloning the 19 MB of a 10,000-job answer cost a copy on each side.
import * as Comlink from 'comlink';

import type { CorePort, Records } from '../src/core/port.js';

function isRecords(value: unknown): value is Records {
  return typeof value === 'object' && value !== null && (value as { bytes?: unknown }).bytes instanceof Uint8Array
    && (value as { ends?: unknown }).ends instanceof Uint32Array;
}

// Only a view that is its whole buffer moves: one over a larger buffer (the core's memory, a
// pooled Buffer) would take that buffer from the worker with it, so such a view is copied.
function ownBuffer(view: ArrayBufferView): ArrayBuffer | undefined {
  const buffer = view.buffer;
  return view.byteOffset === 0 && view.byteLength === buffer.byteLength && buffer instanceof ArrayBuffer ? buffer : undefined;
}

// The buffers of the Records in an answer: Records[] (collectorQuery) or a step's items.
function recordBuffers(answer: unknown): ArrayBuffer[] {
  const items = Array.isArray(answer) ? answer : (answer as { items?: unknown } | null)?.items;
  if (!Array.isArray(items)) return [];
  const buffers = new Set<ArrayBuffer>();
  for (const item of items) {
    if (!isRecords(item)) continue;
    for (const view of [item.bytes, item.ends]) {
      const buffer = ownBuffer(view);
      if (buffer) buffers.add(buffer);
    }
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
