// What spool and retrieve take besides the jobs: progress reports, and a call's AbortSignal and timeout.
import type { CallOptions } from './call-options.js';

/** How far a file's transfer got (onProgress). */
export interface TransferProgress {
  /** "cluster.proc" */
  readonly job: string;
  /** The file's name in the sandbox (spool) or where it goes (retrieve). */
  readonly file: string;
  /** Bytes of it moved so far. */
  readonly bytes: number;
  /** Its size. */
  readonly total: number;
}

export interface TransferOptions extends CallOptions {
  readonly onProgress?: (progress: TransferProgress) => void;
}
