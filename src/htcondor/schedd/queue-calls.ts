// Queue calls (wasm/protocol/qmgmt_calls.hpp) as the core encodes them, and the answers the
// worker's QMGMT conversation gives back.
import { engine, type AdHandle } from '../../classad/engine.js';

/** QmgmtCall::Kind. */
export const CallKind = {
  NewCluster: 1,
  NewProc: 2,
  SetAttribute: 3,
  DeleteAttribute: 4,
  SetAttributeByConstraint: 5,
  SendMaterializeData: 6,
  SetJobFactory: 7,
  GetCapabilities: 8,
  Commit: 9,
  Abort: 10,
  BeginTransaction: 11,
} as const;

export interface QueueCall {
  readonly kind: (typeof CallKind)[keyof typeof CallKind];
  readonly cluster?: number;
  readonly proc?: number;
  readonly flags?: number;
  readonly number?: number;
  readonly name?: string;
  readonly value?: string;
  readonly text?: string;
}

interface QueueCallsCore {
  encodeQmgmtCalls(calls: readonly QueueCall[]): Uint8Array;
  encodeRawSubmit(clusterId: number, cluster: AdHandle, procs: [AdHandle, number][], spool: boolean): Uint8Array;
}
const queueCallsCore = () => engine() as unknown as QueueCallsCore;

export function encodeCalls(calls: readonly QueueCall[]): Uint8Array {
  return queueCallsCore().encodeQmgmtCalls(calls);
}

/** Schedd.submitMany's calls: the cluster ad, then `count` procs of each proc ad. */
export function encodeRawSubmit(clusterId: number, cluster: AdHandle, procs: [AdHandle, number][], spool: boolean): Uint8Array {
  return queueCallsCore().encodeRawSubmit(clusterId, cluster, procs, spool);
}

/** An answer, "<what> <value>": cluster, proc, matched, items, capabilities, commit, ok. */
export function answer(text: string): { what: string; value: string } {
  const space = text.indexOf(' ');
  return space < 0 ? { what: text, value: '' } : { what: text.slice(0, space), value: text.slice(space + 1) };
}
