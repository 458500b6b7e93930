// Node, Deno and Bun: operations reach daemons over direct TCP.
import net from 'node:net';

import { readBuffer } from '../proxy/read-buffer.js';
import { isNode } from './runtime-kind.js';

export interface ConnectionEvents {
  connected(): void;
  /** Bytes that arrived: valid only during the call (a transport may read into one buffer). */
  data(bytes: Uint8Array): void;
  closed(): void;
  failed(why: string): void;
}

export interface Connection {
  send(bytes: Uint8Array): void;
  close(): void;
  /** Settles once what was sent is on its way; undefined when nothing is held back. */
  whenDrained?(): Promise<void> | undefined;
  /** Stop delivering data (and let the peer's sending back up) until resume. */
  pause?(): void;
  resume?(): void;
}

export interface Transport {
  connect(host: string, port: number, events: ConnectionEvents): Connection;
}

// Node reads into one buffer and hands it to a callback (`onread`), without a Buffer and a
// stream event per read: ~40 us less per read in a loopback exchange. Deno and Bun get 'data'.

export const defaultTransport: Transport = {
  connect(host, port, events) {
    const onread = (n: number, buffer: Uint8Array) => {
      events.data(new Uint8Array(buffer.buffer, buffer.byteOffset, n));
      return true;
    };
    const socket = isNode
      ? net.connect({ host, port, onread: { buffer: readBuffer(), callback: onread } })
      : net.connect({ host, port }).on('data', (chunk: Buffer) => events.data(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length)));
    let up = false;
    socket.setNoDelay(true);
    socket.once('connect', () => {
      up = true;
      events.connected();
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      if (!up) events.failed(`cannot connect to ${host}:${port}: ${error.code ?? error.message}`);
    });
    socket.once('close', () => {
      if (up) events.closed();
    });
    // Close flushes what was sent (an advertise ends with writes and no reply); once the kernel
    // has it all, the socket closes without waiting for the daemon's side: an operation closes
    // only when the daemon has nothing more to say, and waiting cost an event and a timer.
    const close = () => socket.end(() => socket.destroy());
    const whenDrained = () =>
      socket.writableNeedDrain
        ? new Promise<void>((resolve) => {
            socket.once('drain', resolve);
            socket.once('close', resolve);
          })
        : undefined;
    return { send: (bytes) => void socket.write(bytes), whenDrained, close, pause: () => socket.pause(), resume: () => socket.resume() };
  },
};
