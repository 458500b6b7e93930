// Schedd.submit over a queue connection (protocol doc commands-schedd-qmgmt 3.2): NewCluster,
// then the description's jobs made with that cluster id and sent as queue calls in batches —
// the next batch is made while the last one is on its way.
import { ClassAd } from '../../classad/classad.js';
import { HTCondorValueError } from '../../errors.js';
import type { QueueItem } from '../queue-items-iterator.js';
import type { Submit } from '../submit.js';
import { failed, raise, type SubmitCallsHandle } from '../submit/core.js';
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

/** Creates the jobs in the connection's transaction (not committed here). */
export async function submitJobs(queue: QueueConnection, description: Submit, options: SubmitJobsOptions): Promise<SubmitResult> {
  const count = options.count ?? 0;
  if (!Number.isSafeInteger(count) || count < 0) throw new HTCondorValueError(`count must be a non-negative integer, not ${count}`);
  const [made] = await queue.call([{ kind: CallKind.NewCluster }]);
  const cluster = Number(answer(made!).value);
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
