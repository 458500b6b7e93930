// A log file on disk (Node, Deno and Bun), read from where reading stopped and polled for
// growth while following. Like HTCondor's reader it opens the file for each read and closes it
// after, so a JobEventLog left unclosed holds no file descriptor.
import { open } from 'node:fs/promises';

import { HTCondorIOError } from '../../errors.js';
import { POLL_MS, sleep, type ByteSource } from './byte-source.js';

const CHUNK = 1 << 20;

export class FileSource implements ByteSource {
  constructor(readonly name: string, private position: number) {}

  async read(waitMs: number, signal?: AbortSignal): Promise<Uint8Array | null> {
    const file = await open(this.name, 'r').catch((e: unknown) => {
      throw new HTCondorIOError(`cannot open the event log ${this.name}: ${(e as Error).message}`, { cause: e });
    });
    try {
      const deadline = Date.now() + waitMs;
      for (;;) {
        const buffer = new Uint8Array(CHUNK);
        const { bytesRead } = await file.read(buffer, 0, CHUNK, this.position);
        if (bytesRead > 0) {
          this.position += bytesRead;
          return buffer.subarray(0, bytesRead);
        }
        const left = deadline - Date.now();
        if (left <= 0) return null;
        await sleep(Math.min(left, POLL_MS.file), signal);
      }
    } finally {
      await file.close();
    }
  }

  async close(): Promise<void> {}
}
