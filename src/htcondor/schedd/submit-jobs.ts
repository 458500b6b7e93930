// Schedd.submit over a queue connection (protocol doc commands-schedd-qmgmt 3.2): NewCluster,
// then the description's jobs made with that cluster id and sent as queue calls in batches —
// the next batch is made while the last one is on its way.
import { ClassAd } from '../../classad/classad.js';
import { HTCondorIOError, HTCondorValueError } from '../../errors.js';
import { checkItem, type QueueItem } from '../queue-items-iterator.js';
import type { Submit } from '../submit.js';
import { failed, raise, submitCore, type SubmitCallsHandle } from '../submit/core.js';
import { answer, CallKind } from './queue-calls.js';
import type { QueueConnection } from './queue-connection.js';
import { SubmitResult } from './submit-result.js';

/** Procs per batch of queue calls. */
const BATCH_PROCS = 1000;

export interface SubmitJobsOptions {
  /** Procs per item (default: the queue statement's count, 1 with itemdata). */
  readonly count?: number;
  /** Hold the jobs until their input files are spooled (Schedd.spool). */
  readonly spool?: boolean;
  /** Items instead of the queue statement's. */
  readonly itemdata?: Iterable<QueueItem> | AsyncIterable<QueueItem>;
}

/**
 * Creates the jobs in the connection's transaction (not committed here): a job factory when the
 * description asks for late materialization and the schedd can, else every proc.
 */
export async function submitJobs(queue: QueueConnection, description: Submit, options: SubmitJobsOptions): Promise<SubmitResult> {
  const count = options.count ?? 0;
  if (!Number.isSafeInteger(count) || count < 0) throw new HTCondorValueError(`count must be a non-negative integer, not ${count}`);
  if (description.wantsFactory() && (await schedulerMaterializes(queue))) return submitFactory(queue, description, count, options);
  return submitProcs(queue, description, count, options);
}

async function schedulerMaterializes(queue: QueueConnection): Promise<boolean> {
  const [reply] = await queue.call([{ kind: CallKind.GetCapabilities }]);
  const capabilities = new ClassAd(answer(reply!).value);
  try {
    return capabilities.get('LateMaterialize') === true && Number(capabilities.get('LateMaterializeVersion')) >= 2;
  } finally {
    capabilities.dispose();
  }
}

async function newCluster(queue: QueueConnection): Promise<number> {
  const [made] = await queue.call([{ kind: CallKind.NewCluster }]);
  return Number(answer(made!).value);
}

async function submitFactory(queue: QueueConnection, description: Submit, count: number, options: SubmitJobsOptions): Promise<SubmitResult> {
  const items = options.itemdata === undefined ? undefined : await itemRows(options.itemdata);
  const cluster = await newCluster(queue);
  const made = description.factorySubmit({
    clusterId: cluster,
    count,
    qdate: Math.floor(Date.now() / 1000),
    spool: options.spool ?? false,
    ...items,
  });
  const clusterAd = ClassAd.fromHandle(made.clusterAd);
  await queue.call(made.calls);
  let itemsFile = '';
  let jobs = made.jobs;
  if (made.rows !== '') {
    const [sent] = await queue.call([{ kind: CallKind.SendMaterializeData, text: made.rows }]);
    const [rows, ...file] = answer(sent!).value.split(' ');
    itemsFile = file.join(' ');
    jobs = Number(rows) * made.count;
    if (!(Number(rows) > 0)) throw new HTCondorIOError('the schedd took no item data for the job factory');
  }
  const digest = made.digest + submitCore().factoryQueueLine(made.count, made.vars, itemsFile);
  await queue.call([{ kind: CallKind.SetJobFactory, number: made.maxMaterialize, text: digest }]);
  return new SubmitResult(cluster, 0, jobs, clusterAd);
}

/** The caller's items as the rows a job factory reads: fields separated by \x1F, named by the first item. */
async function itemRows(itemdata: Iterable<QueueItem> | AsyncIterable<QueueItem>): Promise<{ rows: string[]; vars: string[] }> {
  const rows: string[] = [];
  let vars: string[] | undefined;
  for await (const item of itemdata as AsyncIterable<QueueItem>) {
    checkItem(item);
    if (typeof item === 'string') {
      vars ??= ['Item'];
      rows.push(item);
    } else if (Array.isArray(item)) {
      vars ??= item.map((_, i) => (i === 0 ? 'Item' : `Item${i}`));
      rows.push(item.join('\x1F'));
    } else {
      const values = item as Readonly<Record<string, string>>;
      vars ??= Object.keys(values);
      rows.push(vars.map((name) => values[name] ?? '').join('\x1F'));
    }
  }
  return { rows, vars: vars ?? ['Item'] };
}

async function submitProcs(queue: QueueConnection, description: Submit, count: number, options: SubmitJobsOptions): Promise<SubmitResult> {
  const cluster = await newCluster(queue);
  const calls = description.queueCalls({
    clusterId: cluster,
    count,
    qdate: Math.floor(Date.now() / 1000),
    itemdata: options.itemdata !== undefined,
    spool: options.spool ?? false,
  });
  try {
    let procs = 0;
    let inFlight: Promise<unknown> = Promise.resolve();
    const sendAll = async () => {
      for (;;) {
        const batch = calls.write(BATCH_PROCS);
        if (failed(batch)) raise(batch);
        if (batch.procs === 0) return;
        procs += batch.procs;
        await inFlight;
        inFlight = queue.call(batch.calls);
      }
    };
    if (options.itemdata === undefined) {
      await sendAll();
    } else {
      for await (const item of options.itemdata as AsyncIterable<QueueItem>) {
        description.feedQueueItem(calls, item);
        await sendAll();
      }
    }
    await inFlight;
    if (procs === 0) throw new HTCondorValueError('the submit description queues no jobs');
    return new SubmitResult(cluster, 0, procs, clusterAdOf(calls));
  } finally {
    calls.delete();
  }
}

function clusterAdOf(calls: SubmitCallsHandle): ClassAd {
  const ad = calls.clusterAd();
  return ad ? ClassAd.fromHandle(ad) : new ClassAd();
}
