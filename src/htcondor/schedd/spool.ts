// Schedd.spool: uploads the input sandboxes of jobs submitted with spool=True (held until their
// inputs arrive) with HTCondor's file-transfer protocol; the schedd then releases them. The core
// asks for each file a piece at a time, so large files stream from disk or a browser File.
import type { ClassAd } from '../../classad/classad.js';
import type { TargetRequest } from '../../core/port.js';
import { core } from '../../core/provider.js';
import { HTCondorIOError, HTCondorValueError } from '../../errors.js';
import { cancellable } from './call-options.js';
import { inputSandbox, type InputEntry } from './input-sandbox.js';
import { transferDisk } from './transfer-disk.js';
import type { TransferOptions } from './transfer-options.js';
import type { InputSource } from './transfer-sources.js';

export interface SpoolOptions extends TransferOptions {
  /**
   * Input files given in code, by the name the job ad uses (or its base name); required in
   * browsers. Elsewhere files not named here are read from disk, relative to each job's Iwd.
   */
  readonly files?: Readonly<Record<string, InputSource>>;
}

interface ReadRequest {
  read: { job: number; file: number; offset: number; length: number };
}

function jobId(job: ClassAd): { cluster: number; proc: number } {
  const cluster = job.eval('ClusterId');
  const proc = job.eval('ProcId');
  if (typeof cluster !== 'number' || typeof proc !== 'number') throw new HTCondorValueError('a job ad to spool has no ClusterId or ProcId');
  return { cluster, proc };
}

/** Spools the inputs of `jobs` (proc ads, as Submit.jobs() or a spooling submit gives them) to the schedd `target` names. */
export async function spool(target: TargetRequest, jobs: Iterable<ClassAd>, options: SpoolOptions = {}): Promise<void> {
  const plans: { cluster: number; proc: number; entries: InputEntry[] }[] = [];
  for (const job of jobs) plans.push({ ...jobId(job), entries: await inputSandbox(job, options.files ?? {}, transferDisk) });
  if (plans.length === 0) throw new HTCondorValueError('no jobs to spool');
  const sandboxes = plans.map(({ cluster, proc, entries }) => ({
    cluster,
    proc,
    entries: entries.map(({ name, directory, mode, size }) => ({ name, directory, mode, size })),
  }));
  await cancellable(target, options, async (request) => {
    let step = await core().scheddSpool({ ...request, jobs: sandboxes });
    try {
      while (!step.done) {
        const { read } = JSON.parse(step.items.at(-1) as string) as ReadRequest;
        const plan = plans[read.job];
        const entry = plan?.entries[read.file];
        if (!plan || !entry) throw new HTCondorIOError(`htcondor-wasm: the spool asked for an unknown file (${read.job}/${read.file})`);
        const bytes = await entry.read(read.offset, read.length);
        options.onProgress?.({ job: `${plan.cluster}.${plan.proc}`, file: entry.name, bytes: read.offset + bytes.length, total: entry.size });
        step = { ...(await core().operationNext(step.id, bytes)), id: step.id };
      }
    } catch (error) {
      void core().operationCancel(step.id).catch(() => {});
      throw error;
    }
  });
}
