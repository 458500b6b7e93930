// Node, Deno and Bun: the filesystem spool reads inputs from and retrieve writes outputs to.
import { mkdir, open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';

export interface DiskEntry {
  readonly size: number;
  readonly mode: number;
  readonly directory: boolean;
}

export interface DiskWriter {
  write(bytes: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

/** The filesystem operations file transfer needs; absent in browsers. */
export interface TransferDisk {
  stat(file: string): Promise<DiskEntry | undefined>;
  list(dir: string): Promise<string[]>;
  read(file: string, offset: number, length: number): Promise<Uint8Array>;
  /** A new file (parents created), written in order. */
  create(file: string, mode: number): Promise<DiskWriter>;
  mkdir(dir: string, mode: number): Promise<void>;
  resolve(base: string, name: string): string;
}

export const transferDisk: TransferDisk | undefined = {
  async stat(file) {
    const st = await stat(file).catch(() => undefined);
    return st && { size: st.size, mode: st.mode & 0o7777, directory: st.isDirectory() };
  },
  list: (dir) => readdir(dir),
  // Opened per piece, so a spool that stops (aborted, failed) leaves no descriptor open.
  async read(file, offset, length) {
    const handle = await open(file, 'r');
    try {
      const buffer = new Uint8Array(length);
      const { bytesRead } = await handle.read(buffer, 0, length, offset);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  },
  async create(file, mode) {
    await mkdir(path.dirname(file), { recursive: true });
    const handle = await open(file, 'w', mode);
    return {
      write: async (bytes) => void (await handle.write(bytes)),
      close: async () => {
        await handle.chmod(mode);
        await handle.close();
      },
    };
  },
  mkdir: async (dir, mode) => void (await mkdir(dir, { recursive: true, mode })),
  resolve: (base, name) => path.resolve(base, name),
};
