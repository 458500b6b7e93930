// A log file on disk (Node, Deno and Bun), read from where reading stopped and polled for
// growth while following, as HTCondor's reader does.
import { open, type FileHandle } from 'node:fs/promises';

import { HTCondorIOError } from '../../errors.js';
import { POLL_MS, sleep, type ByteSource } from './byte-source.js';

const CHUNK = 1 << 20;

export class FileSource implements ByteSource {
  private file: Promise<FileHandle> | undefined;

  constructor(readonly name: string, private position: number) {}

  async read(waitMs: number, signal?: AbortSignal): Promise<Uint8Array | null> {
    const file = await (this.file ??= open(this.name, 'r').catch((e: unknown) => {
      throw new HTCondorIOError(`cannot open the event log ${this.name}: ${(e as Error).message}`, { cause: e });
    }));
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
  }

  async close(): Promise<void> {
    const file = this.file;
    this.file = undefined;
    await (await file?.catch(() => undefined))?.close();
  }
}
