// Browsers have no files by path: logs come as a File, Blob, bytes, URL or stream there.
import { HTCondorIOError } from '../../errors.js';
import type { ByteSource } from './byte-source.js';

export class FileSource implements ByteSource {
  constructor(readonly name: string, _position: number) {}

  async read(): Promise<Uint8Array | null> {
    throw new HTCondorIOError(`cannot read the event log ${this.name}: paths need a runtime with a filesystem; pass a File, Blob, bytes, URL or stream`);
  }

  async close(): Promise<void> {}
}
