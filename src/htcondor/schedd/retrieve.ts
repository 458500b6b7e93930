// Schedd.retrieve: downloads the output sandboxes of the caller's completed spooled jobs with
// HTCondor's file-transfer protocol. Files stream to disk as they arrive (each job's submit-time
// Iwd, as the Python bindings do, or the `into` directory), or come back as Blobs (`memory`,
// and always in browsers).
import type { OperationStep, TargetRequest } from '../../core/port.js';
import { core } from '../../core/provider.js';
import { HTCondorIOError, HTCondorValueError } from '../../errors.js';
import { cancellable } from './call-options.js';
import { actionTarget, type JobSpec } from './job-spec.js';
import { transferDisk, type DiskWriter, type TransferDisk } from './transfer-disk.js';
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

/**
 * The constraint for `spec` (ids become one, as in the version-2 bindings), and the "C.P" ids
 * it names, to check that each came back.
 */
function retrieveTarget(spec: JobSpec): { constraint: string; ids: string[] } {
  const target = actionTarget(spec);
  if ('constraint' in target) return { constraint: target.constraint, ids: [] };
  const ids = target.ids.split(',');
  const procs = ids.filter((id) => id.includes('.'));
  const clauses = ids.filter((id) => !id.includes('.')).map((cluster) => `ClusterId == ${cluster}`);
  if (procs.length > 0) clauses.push(`stringListIMember(strcat(ClusterId, ".", ProcId), "${procs.join(',')}")`);
  return { constraint: clauses.join(' || '), ids: procs };
}

/** Retrieves the outputs of the jobs `spec` names from the schedd `target` names. */
export async function retrieve(target: TargetRequest, spec: JobSpec, options: RetrieveOptions = {}): Promise<RetrievedJob[]> {
  const { constraint, ids } = retrieveTarget(spec);
  const disk = options.memory ? undefined : transferDisk;
  if (options.into !== undefined && !disk) throw new HTCondorValueError('into needs a filesystem (Node, Deno or Bun), and not memory');
  const jobs = await cancellable(target, options, (request) => receive({ ...request, constraint }, disk, options));
  const missing = ids.filter((id) => !jobs.some((j) => j.job === id));
  if (missing.length > 0) throw new HTCondorIOError(`no output to retrieve for job ${missing.join(', ')}: not in the schedd's queue, or not yours`);
  return jobs;
}

// Runs the download: entries and file data as they come, each file written (or kept) before
// the next step is asked for, so the schedd is read no faster than the files are written.
async function receive(request: TargetRequest & { constraint: string }, disk: TransferDisk | undefined, options: RetrieveOptions): Promise<RetrievedJob[]> {
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
  const first = await core().scheddRetrieve(request);
  try {
    for (let step: OperationStep = first; ; step = await core().operationNext(first.id)) {
      for (const item of step.items) {
        if (typeof item !== 'string') {
          if (!file) throw new HTCondorIOError('htcondor-wasm: file data outside a file');
          const data = item.bytes;
          if (file.writer) await file.writer.write(data);
          else file.parts!.push(data);
          file.got += data.length;
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
    void core().operationCancel(first.id).catch(() => {});
    await file?.writer?.close().catch(() => {});
    throw error;
  }
  return jobs;
}
