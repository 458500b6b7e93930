// The event log reader of the core (wasm/bindings/eventlog_bindings.cpp). It is pure
// computation, so it runs in the calling thread on the ClassAd engine's core, like `classad`.
import { engine, type AdHandle, type Handle } from '../../classad/engine.js';

export interface EventHandle extends Handle {
  type(): number;
  cluster(): number;
  proc(): number;
  timestamp(): number;
  text(): string;
  ad(): AdHandle | null;
}

export type ReadStep = { status: 'event'; event: EventHandle } | { status: 'none' } | { status: 'error'; message: string };

export interface EventLogReaderHandle extends Handle {
  append(bytes: Uint8Array): void;
  next(nowSeconds: number): ReadStep;
  offset(): number;
}

interface EventLogCore {
  EventLogReader: new (nowSeconds: number, major: number, minor: number) => EventLogReaderHandle;
}

export function eventLogCore(): EventLogCore {
  return engine() as unknown as EventLogCore;
}
