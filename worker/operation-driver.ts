// Runs a core operation (wasm/ops) to completion: performs each action it asks for on a
// transport and reports back what happened, until it is done or has failed.
import { HTCondorInternalError, HTCondorIOError, HTCondorValueError } from '../src/errors.js';
import type { Connection, Transport } from './transport.js';

export interface OperationHandle {
  poll(): {
    kind: 'idle' | 'connect' | 'send' | 'close' | 'timer' | 'result' | 'done' | 'failed';
    conn: number;
    host?: string;
    port?: number;
    bytes?: Uint8Array;
    at?: number;
    text?: string;
    errorKind?: 'io' | 'value' | 'internal';
  };
  onConnected(conn: number): void;
  onConnectFailed(conn: number, why: string): void;
  onData(conn: number, bytes: Uint8Array): void;
  onClosed(conn: number): void;
  onTimer(now: number): void;
  delete(): void;
}

/** Seconds on the clock operations set their deadlines by. */
export const clock = (): number => performance.now() / 1000;

const errorTypes = { io: HTCondorIOError, value: HTCondorValueError, internal: HTCondorInternalError };

/** The operation's results, in order; rejects with the exception type its failure names. */
export function drive(op: OperationHandle, transport: Transport): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const connections = new Map<number, Connection>();
    const results: string[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    let finished = false;
    const end = () => {
      finished = true;
      clearTimeout(timer);
      for (const c of connections.values()) c.close();
      op.delete();
    };
    // Callbacks from the network arrive after the operation may have ended: then they are dropped.
    const report = (fn: () => void) => () => {
      if (finished) return;
      fn();
      pump();
    };
    const pump = (): void => {
      for (;;) {
        const a = op.poll();
        switch (a.kind) {
          case 'idle':
            return;
          case 'connect': {
            const conn = a.conn;
            connections.set(conn, transport.connect(a.host!, a.port!, {
              connected: report(() => op.onConnected(conn)),
              data: (bytes) => report(() => op.onData(conn, bytes))(),
              closed: report(() => op.onClosed(conn)),
              failed: (why) => report(() => op.onConnectFailed(conn, why))(),
            }));
            break;
          }
          case 'send':
            connections.get(a.conn)?.send(a.bytes!);
            break;
          case 'close':
            connections.get(a.conn)?.close();
            connections.delete(a.conn);
            break;
          case 'timer':
            clearTimeout(timer);
            timer = setTimeout(report(() => op.onTimer(clock())), Math.max(0, (a.at! - clock()) * 1000));
            break;
          case 'result':
            results.push(a.text!);
            break;
          case 'done':
            end();
            resolve(results);
            return;
          case 'failed':
            end();
            reject(new errorTypes[a.errorKind ?? 'io'](a.text!));
            return;
        }
      }
    };
    pump();
  });
}
