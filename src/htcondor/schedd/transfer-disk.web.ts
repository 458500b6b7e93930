// Browsers: no filesystem. Inputs come from the `files` option, outputs back as Blobs.
import type { TransferDisk } from './transfer-disk.js';

export type { DiskEntry, DiskWriter, TransferDisk } from './transfer-disk.js';

export const transferDisk: TransferDisk | undefined = undefined;
