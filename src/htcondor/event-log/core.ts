// The event log reader of the core (wasm/bindings/eventlog_bindings.cpp). It is pure
// computation, so it runs in the calling thread on the ClassAd engine's core, like `classad`.
import { engine, type AdHandle, type Handle } from '../../classad/engine.js';

export type LogFormat = 'text' | 'xml' | 'json';

export interface EventLogReaderHandle extends Handle {
  append(bytes: Uint8Array): void;
  /** 1: an event, described by header(); 0: none complete yet; 2: bytes that are no event (error()). */
  next(nowSeconds: number): 0 | 1 | 2;
  /** type, cluster, proc, timestamp, and the offsets of the bytes that held the event. */
  header(): Float64Array;
  error(): string;
  offset(): number;
  format(): LogFormat | '';
  /** A recent event's ad (null: it has none) or text, by the offset of its bytes; undefined once no longer kept. */
  recentAd(begin: number): AdHandle | null | undefined;
  /** A recent event's field as typed JSON, 'null' without it, 'noad' for an event without an ad. */
  recentField(begin: number, name: string): string | undefined;
  recentText(begin: number): string | undefined;
}

interface EventLogCore {
  EventLogReader: new (nowSeconds: number, major: number, minor: number) => EventLogReaderHandle;
  eventText(bytes: Uint8Array, format: LogFormat, nowSeconds: number, major: number, minor: number): string;
  eventAd(bytes: Uint8Array, format: LogFormat, nowSeconds: number, major: number, minor: number): AdHandle | null;
}

export function eventLogCore(): EventLogCore {
  return engine() as unknown as EventLogCore;
}

/** Where an event's ad and text come from: its reader while it keeps the event, else its bytes read again. */
export interface EventSource {
  readonly reader: EventLogReaderHandle;
  readonly begin: number;
  readonly bytes: Uint8Array;
  readonly format: LogFormat;
  readonly now: number;
  readonly version: readonly [number, number];
}
