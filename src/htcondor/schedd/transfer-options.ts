// What spool and retrieve take besides the jobs: the connection, progress reports, an AbortSignal.
import type { ConnectionOptions } from '../connection.js';

/** How far a file's transfer got (onProgress). */
export interface TransferProgress {
  /** "cluster.proc" */
  readonly job: string;
  /** The file's name in the sandbox. */
  readonly file: string;
  /** Bytes of it moved so far. */
  readonly bytes: number;
  /** Its size. */
  readonly total: number;
}

export interface TransferOptions extends ConnectionOptions {
  readonly onProgress?: (progress: TransferProgress) => void;
  /** Aborting stops the transfer; the call rejects with HTCondorIOError. */
  readonly signal?: AbortSignal;
}
