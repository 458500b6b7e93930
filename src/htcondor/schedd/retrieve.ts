// Schedd.retrieve: downloads the output sandboxes of the caller's completed spooled jobs with
// HTCondor's file-transfer protocol. Files stream to disk as they arrive (each job's submit-time
// Iwd, as the Python bindings do, or the `into` directory), or come back as Blobs (`memory`,
// and always in browsers).
import { core } from '../../core/provider.js';
import { HTCondorIOError, HTCondorValueError } from '../../errors.js';
import { daemonRequest } from '../request.js';
import { SteppedOperation } from './stepped-operation.js';
import { transferDisk, type DiskWriter } from './transfer-disk.js';
import type { TransferOptions } from './transfer-options.js';

export interface RetrieveOptions extends TransferOptions {
  /** Write every job's outputs here instead of into its Iwd (Node, Deno, Bun). */
  readonly into?: string;
  /** Keep the outputs in memory and return them as Blobs (the default in browsers). */
  readonly memory?: boolean;
}

export interface RetrievedFile {
  /** Where the job's TransferOutputRemaps put it: relative to the job's Iwd, or absolute. */
  readonly path: string;
  readonly size: number;
  /** The file written, when written to disk. */
  readonly written?: string;
  /** Its contents, when kept in memory. */
  readonly data?: Blob;
}

export interface RetrievedJob {
  /** "cluster.proc" */
  readonly job: string;
  /** The job's Iwd as submitted. */
  readonly iwd: string;
  readonly files: RetrievedFile[];
}

type Item =
  | { job: { cluster: number; proc: number; iwd: string } }
  | { mkdir: { name: string; path: string; mode: number } }
  | { file: { name: string; path: string; mode: number; size: number } };

const JOB_IDS = /^\s*\d+(\.\d+)?(\s*[,\s]\s*\d+(\.\d+)?)*\s*$/;

/**
 * The constraint for `spec`: a constraint expression, or job ids ("C.P", "C", a list of them)
 * which become one; the ids named "C.P" are returned too, to check that each came back.
 */
export function retrieveTarget(spec: string | readonly string[]): { constraint: string; ids: string[] } {
  const idList = typeof spec === 'string' ? (JOB_IDS.test(spec) ? spec.split(/[\s,]+/).filter((s) => s !== '') : undefined) : [...spec];
  if (idList === undefined) return { constraint: spec as string, ids: [] };
  const clusters: string[] = [];
  const procs: string[] = [];
  for (const id of idList) {
    if (/^\d+$/.test(id)) clusters.push(`ClusterId == ${id}`);
    else if (/^\d+\.\d+$/.test(id)) procs.push(id);
    else throw new HTCondorValueError(`Invalid job id: ${id}`);
  }
  if (procs.length > 0) clusters.push(`stringListIMember(strcat(ClusterId, ".", ProcId), "${procs.join(',')}")`);
  return { constraint: clusters.join(' || '), ids: procs };
}

/** Retrieves the outputs of the jobs `spec` names from the schedd at `address`. */
export async function retrieve(address: string, spec: string | readonly string[], options: RetrieveOptions = {}): Promise<RetrievedJob[]> {
  const { constraint, ids } = retrieveTarget(spec);
  const disk = options.memory ? undefined : transferDisk;
  if (options.into !== undefined && !disk) throw new HTCondorValueError('into needs a filesystem (Node, Deno or Bun), and not memory');
  const request = { ...daemonRequest(address, options), constraint };
  const [op, first] = await SteppedOperation.open(() => core().scheddRetrieve(request), options.signal, 'the retrieve');
  const jobs: RetrievedJob[] = [];
  let job: RetrievedJob | undefined;
  let file: { path: string; size: number; got: number; writer?: DiskWriter; written?: string; parts?: Uint8Array[] } | undefined;
  const endFile = async () => {
    if (!file) return;
    await file.writer?.close();
    job!.files.push({
      path: file.path,
      size: file.size,
      ...(file.written !== undefined && { written: file.written }),
      ...(file.parts && { data: new Blob(file.parts as BlobPart[]) }),
    });
    file = undefined;
  };
  const place = (path: string) => disk!.resolve(options.into ?? job!.iwd, path);
  try {
    for (let step = first; ; step = await op.next()) {
      for (const item of step.items) {
        if (item instanceof Uint8Array) {
          if (!file) throw new HTCondorIOError('htcondor-wasm: file data outside a file');
          if (file.writer) await file.writer.write(item);
          else file.parts!.push(item.slice());
          file.got += item.length;
          options.onProgress?.({ job: job!.job, file: file.path, bytes: file.got, total: file.size });
          continue;
        }
        await endFile();
        const parsed = JSON.parse(item) as Item;
        if ('job' in parsed) {
          job = { job: `${parsed.job.cluster}.${parsed.job.proc}`, iwd: parsed.job.iwd, files: [] };
          jobs.push(job);
        } else if ('mkdir' in parsed) {
          if (disk) await disk.mkdir(place(parsed.mkdir.path), parsed.mkdir.mode || 0o755);
        } else {
          const { path, mode, size } = parsed.file;
          file = { path, size, got: 0 };
          if (disk) {
            file.written = place(path);
            file.writer = await disk.create(file.written, mode || 0o644);
          } else {
            file.parts = [];
          }
          if (size === 0) options.onProgress?.({ job: job!.job, file: path, bytes: 0, total: 0 });
        }
      }
      if (step.done) break;
    }
    await endFile();
  } catch (error) {
    op.cancel();
    await file?.writer?.close().catch(() => {});
    throw error;
  }
  const missing = ids.filter((id) => !jobs.some((j) => j.job === id));
  if (missing.length > 0) throw new HTCondorIOError(`no output to retrieve for job ${missing.join(', ')}: not in the schedd's queue, or not yours`);
  return jobs;
}
