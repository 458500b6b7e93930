import { ClassAd } from '../classad/classad.js';
import type { AdHandle } from '../classad/engine.js';
import { ExprTree } from '../classad/expr-tree.js';
import { quote } from '../classad/quote.js';
import type { TargetRequest } from '../core/port.js';
import { core } from '../core/provider.js';
import { HTCondorIOError, HTCondorValueError } from '../errors.js';
import { Collector } from './collector.js';
import { addressOf, type ConnectionOptions } from './connection.js';
import { DaemonTypes } from './daemon-types.js';
import { daemonRequest } from './request.js';
import { cancellable, type CallOptions } from './schedd/call-options.js';
import { JobAction, QueryOpts, TransactionFlags } from './schedd/enums.js';
import { actionTarget, actionTargetAttribute, constraintText, editTarget, targetAttribute, type JobSpec } from './schedd/job-spec.js';
import { CallKind, answer, encodeRawSubmit, type QueueCall } from './schedd/queue-calls.js';
import { QueueConnection } from './schedd/queue-connection.js';
import { retrieve, type RetrievedJob, type RetrieveOptions } from './schedd/retrieve.js';
import { spool, type SpoolOptions } from './schedd/spool.js';
import { QUERY_CHUNK, QueryIterator, type EndCheck } from './schedd/query-iterator.js';
import {
  checkHistoryEnd, checkJobQueryEnd, historyAd, jobQueryAd, QUERY_JOB_ADS, QUERY_SCHEDD_HISTORY, type HistoryRequest,
} from './schedd/query-requests.js';
import { submitJobs, type SubmitJobsOptions } from './schedd/submit-jobs.js';
import type { SubmitResult } from './schedd/submit-result.js';
import { Transaction } from './schedd/transaction.js';
import { Submit } from './submit.js';

export type { CallOptions } from './schedd/call-options.js';
export type { JobSpec } from './schedd/job-spec.js';
export type { SubmitJobsOptions } from './schedd/submit-jobs.js';

const RESCHEDULE = 421;
const EXPORT_JOBS = 526;
const IMPORT_EXPORTED_JOB_RESULTS = 527;
const UNEXPORT_JOBS = 528;
// The 23.9.6 v1 bindings' wording of an act() without a reason.
const DEFAULT_REASON = 'Python-initiated action';
// The queue attribute each action's reason is stored in.
const REASON_ATTRIBUTE: Partial<Record<JobAction, string>> = {
  [JobAction.Hold]: 'HoldReason',
  [JobAction.Release]: 'ReleaseReason',
  [JobAction.Remove]: 'RemoveReason',
  [JobAction.RemoveX]: 'RemoveReason',
  [JobAction.Suspend]: 'SuspendReason',
  [JobAction.Continue]: 'ContinueReason',
};

/** What Schedd.edit changed: the number of jobs (`String()` says "edited N jobs"). */
export class EditResult {
  /** @internal */
  constructor(readonly changes: number) {}
  toString(): string {
    return `edited ${this.changes} jobs`;
  }
  valueOf(): number {
    return this.changes;
  }
}

export interface SubmitOptions extends SubmitJobsOptions, CallOptions {}

/**
 * A schedd, as the Python bindings' (version 1) `htcondor.Schedd`: submit and manage jobs,
 * query the queue and the history. `location` is the schedd's location ad (from
 * Collector.locate) or its address; without it, the pool's schedd as the configured collector
 * knows it (located on first use).
 */
export class Schedd {
  readonly #options: ConnectionOptions;
  #address: Promise<string> | undefined;
  #transaction: Transaction | undefined;

  constructor(location?: ClassAd | string, options: ConnectionOptions = {}) {
    this.#options = options;
    if (location !== undefined) this.#address = Promise.resolve(addressOf(location));
  }

  /**
   * Submits a description's jobs in one transaction (one commit), then asks the schedd to
   * reschedule. `count` procs per item, `itemdata` instead of the queue statement's items,
   * `spool` holds the jobs for Schedd.spool. Inside a transaction() the jobs join it instead.
   */
  async submit(description: Submit | string | Readonly<Record<string, string>>, options: SubmitOptions = {}): Promise<SubmitResult> {
    const submit = description instanceof Submit ? description : new Submit(description);
    try {
      const result = await this.#inTransaction(options, (queue) => submitJobs(queue, submit, options));
      if (!this.#transaction && (await configTrue('SUBMIT_SEND_RESCHEDULE'))) await this.reschedule().catch(() => {});
      return result;
    } finally {
      if (!(description instanceof Submit)) submit.dispose();
    }
  }

  /**
   * Submits job ads the caller made (v1 `submitMany`): the cluster ad over a default job ad (as
   * HTCondor's CreateJobAd makes one, here from a description running /bin/echo in the working
   * directory), then `count` procs of each proc ad. One transaction; the new cluster's id.
   */
  async submitMany(clusterAd: ClassAd, procAds: Iterable<readonly [ClassAd, number]>, spool = false, options?: CallOptions): Promise<number> {
    const base = defaultJobAd();
    try {
      for (const [name, value] of clusterAd) base.set(name, value);
      const procs = [...procAds].map(([ad, count]): [AdHandle, number] => {
        if (!Number.isSafeInteger(count) || count < 1) throw new HTCondorValueError(`a proc ad's count must be a positive integer, not ${count}`);
        return [ad.adHandle, count];
      });
      return await this.#inTransaction(options, async (queue) => {
        const [made] = await queue.call([{ kind: CallKind.NewCluster }]);
        const cluster = Number(answer(made!).value);
        await queue.call(encodeRawSubmit(cluster, base.adHandle, procs, spool));
        return cluster;
      });
    } finally {
      base.dispose();
    }
  }

  /**
   * Opens a queue transaction: submit() and edit() calls on this Schedd join it until it ends.
   * `await using txn = await schedd.transaction()` commits when the block ends (aborts if a
   * call in it failed); with `body`, commits after it returns and aborts if it throws.
   */
  async transaction(flags?: number, options?: CallOptions): Promise<Transaction>;
  async transaction<T>(flags: number, body: (txn: Transaction) => Promise<T>, options?: CallOptions): Promise<T>;
  async transaction<T>(flags: number = TransactionFlags.None, body?: ((txn: Transaction) => Promise<T>) | CallOptions, options?: CallOptions): Promise<Transaction | T> {
    if (this.#transaction) throw new HTCondorIOError('this Schedd already has a transaction open');
    const callOptions = typeof body === 'function' ? options : body;
    const request = await this.#request(callOptions);
    const queue = await cancellable(request, callOptions, (r) => QueueConnection.open(r));
    const txn = new Transaction(queue, flags, () => {
      if (this.#transaction === txn) this.#transaction = undefined;
    });
    this.#transaction = txn;
    if (typeof body !== 'function') return txn;
    let result: T;
    try {
      result = await body(txn);
    } catch (error) {
      await txn.abort();
      throw error;
    }
    await txn.commit();
    return result;
  }

  /** The matching jobs' ads, all of them, or what `callback` makes of each (see xquery to read them as they arrive). */
  query(constraint?: string | ExprTree, projection?: readonly string[], callback?: undefined, limit?: number, opts?: number,
    options?: CallOptions): Promise<ClassAd[]>;
  query<T>(constraint: string | ExprTree, projection: readonly string[], callback: (ad: ClassAd) => T, limit?: number, opts?: number,
    options?: CallOptions): Promise<T[]>;
  async query(constraint: string | ExprTree = 'true', projection: readonly string[] = [], callback?: (ad: ClassAd) => unknown,
    limit = -1, opts: number = QueryOpts.Default, options?: CallOptions): Promise<unknown[]> {
    const iterator = await this.xquery(constraint, projection, limit, opts, undefined, options);
    // A chunk at a time: no promise per ad.
    const results: unknown[] = [];
    try {
      for (;;) {
        const ads = iterator.nextAdsNonBlocking(); // with none left, throws what ended the answer
        for (const ad of ads) results.push(callback ? callback(ad) : ad);
        if (ads.length > 0) continue;
        if (iterator.done()) return results;
        await iterator.watch();
      }
    } finally {
      iterator.close(); // stops the answer if the callback threw
    }
  }

  /**
   * The matching jobs' ads as they stream in (async iterable; `nextAdsNonBlocking`, `watch`,
   * `tag` for poll()). With QueryOpts.SummaryOnly alone, the one result is the schedd's summary.
   */
  async xquery(constraint: string | ExprTree = 'true', projection: readonly string[] = [], limit = -1, opts: number = QueryOpts.Default,
    name?: string, options?: CallOptions): Promise<QueryIterator> {
    // The user name only goes with a "my jobs" query.
    const me = opts & QueryOpts.DefaultMyJobsOnly ? ((await core().configValue('USERNAME')) ?? '') : '';
    const requestAd = jobQueryAd(constraint, projection, limit, opts, me);
    const summaryOnly = opts === QueryOpts.SummaryOnly;
    return this.#stream(QUERY_JOB_ADS, requestAd, name ?? '', checkJobQueryEnd, options, summaryOnly);
  }

  /** Completed jobs' records from the schedd's history, newest first, as they stream in. */
  history(constraint?: string | ExprTree, projection: readonly string[] = [], match = -1, since?: number | string | ExprTree,
    options?: CallOptions): Promise<QueryIterator> {
    return this.#history({ constraint, projection, match, since }, options);
  }

  /** The per-run (epoch) records of jobs, as history(); `adType` filters the record type. */
  jobEpochHistory(constraint?: string | ExprTree, projection: readonly string[] = [], match = -1, since?: number | string | ExprTree,
    adType?: string, options?: CallOptions): Promise<QueryIterator> {
    return this.#history({ constraint, projection, match, since, source: 'JOB_EPOCH', ...(adType && { adType }) }, options);
  }

  /**
   * Holds, releases, removes, vacates, suspends or continues jobs (ids or a constraint); the
   * schedd's totals as an ad (TotalSuccess, TotalNotFound, TotalPermissionDenied, ...). A
   * reason may be a string, or [string, subcode] for Hold. Throws HTCondorIOError, and nothing
   * changes, when the schedd denies permission for any job named by id, or for every job a
   * constraint matches; a constraint that also matches the caller's own jobs acts on those,
   * counting the others in TotalPermissionDenied (as condor_rm -constraint does).
   */
  async act(action: JobAction, jobSpec: JobSpec, reason?: string | readonly [string, number], options?: CallOptions): Promise<ClassAd> {
    if (!Object.values(JobAction).includes(action)) throw new HTCondorValueError(`Invalid action ${String(action)}`);
    const target = actionTarget(jobSpec);
    // Jobs named by id get a result each (AR_LONG): the core then has the schedd act on all of
    // them or, if it refuses any, on none (ops/schedd_act.cpp).
    const attrs = [`JobAction = ${action}`, `ActionResultType = ${'ids' in target ? 1 : 2}`, targetAttribute(target)];
    const reasonAttr = REASON_ATTRIBUTE[action];
    if (reasonAttr) {
      const [text, subcode] = typeof reason === 'object' ? reason : [reason ?? DEFAULT_REASON, undefined];
      attrs.push(`${reasonAttr} = ${quote(text)}`);
      if (subcode !== undefined && action === JobAction.Hold) attrs.push(`HoldReasonSubCode = ${Math.trunc(subcode)}`);
    }
    const request = await this.#request(options);
    const text = await cancellable(request, options, (r) => core().scheddAct({ ...r, requestAd: `[ ${attrs.join('; ')} ]` }));
    const result = new ClassAd(text);
    const totals = ['TotalError', 'TotalSuccess', 'TotalNotFound', 'TotalBadStatus', 'TotalAlreadyDone', 'TotalPermissionDenied'];
    const out = new ClassAd();
    totals.forEach((name, i) => out.set(name, result.get(`result_total_${i}`) ?? 0));
    out.set('TotalJobAds', result.get('TotalJobAds') ?? 0);
    out.set('TotalChangedAds', result.get('ActionResult') ?? 0);
    result.dispose();
    return out;
  }

  /**
   * Sets `attr` to `value` (ClassAd expression text, or an ExprTree) in the jobs, or, given an
   * ad or object, each of its attributes. One commit; nothing changes if the schedd refuses
   * any of it (immutable or protected attributes, other users' jobs).
   */
  async edit(jobSpec: JobSpec, attr: string, value: string | ExprTree | number | boolean, flags?: number, options?: CallOptions): Promise<EditResult>;
  async edit(jobSpec: JobSpec, attributes: ClassAd | Readonly<Record<string, string | ExprTree | number | boolean>>, flags?: number, options?: CallOptions): Promise<EditResult>;
  async edit(jobSpec: JobSpec, attrOrAd: string | ClassAd | Readonly<Record<string, unknown>>, ...rest: unknown[]): Promise<EditResult> {
    const pairs: [string, string][] = typeof attrOrAd === 'string'
      ? [[attrOrAd, valueText(rest.shift())]]
      : attrOrAd instanceof ClassAd
        ? attrOrAd.keys().map((name) => [name, attrOrAd.lookup(name)!.toString()])
        : Object.entries(attrOrAd).map(([name, v]) => [name, valueText(v)]);
    const flags = (rest[0] as number | undefined) ?? 0;
    const options = rest[1] as CallOptions | undefined;
    const target = editTarget(jobSpec);
    const onlyMine = 'constraint' in target && (await configTrue('CONDOR_Q_ONLY_MY_JOBS')) ? 0x10 : 0;
    const calls: QueueCall[] = [];
    for (const [name, value] of pairs) {
      if ('ids' in target) {
        for (const [cluster, proc] of target.ids) calls.push({ kind: CallKind.SetAttribute, cluster, proc, name, value, flags });
      } else {
        calls.push({ kind: CallKind.SetAttributeByConstraint, text: target.constraint, name, value, flags: flags | onlyMine });
      }
    }
    const answers = await this.#inTransaction(options, (queue) => queue.call(calls));
    const matched = answers.map(answer).filter((a) => a.what === 'matched').map((a) => Number(a.value));
    return new EditResult('ids' in target ? target.ids.length : Math.max(0, ...matched));
  }

  /**
   * Uploads the input files of jobs submitted with `spool` (their proc ads, e.g. from
   * Submit.jobs()) with HTCondor's file-transfer protocol; the schedd then releases them.
   * Files come from `options.files` (File, Blob or bytes, by name; required in browsers) or
   * from disk relative to each job's Iwd; large files stream. `timeout` bounds the time
   * without progress, not the whole transfer.
   */
  async spool(jobs: Iterable<ClassAd>, options?: SpoolOptions): Promise<void> {
    return spool(await this.#request(options), jobs, options);
  }

  /**
   * Downloads the outputs of the caller's spooled jobs that `jobSpec` names (ids or a
   * constraint): into each job's Iwd as submitted (as the Python bindings do), into
   * `options.into`, or kept as Blobs (`memory`, always in browsers). Files stream to disk;
   * `timeout` bounds the time without progress, not the whole transfer.
   */
  async retrieve(jobSpec: JobSpec, options?: RetrieveOptions): Promise<RetrievedJob[]> {
    return retrieve(await this.#request(options), jobSpec, options);
  }

  /** Asks the schedd to look for machines for its idle jobs now. */
  async reschedule(options?: CallOptions): Promise<void> {
    const request = await this.#request(options);
    await cancellable(request, options, (r) => core().plainCommand({ ...r, command: RESCHEDULE }));
  }

  /** Hands whole clusters to an external manager (Lumberjack): their queue goes to `exportDir` on the schedd's host. */
  export_jobs(jobSpec: JobSpec, exportDir: string, newSpoolDir = '', options?: CallOptions): Promise<ClassAd> {
    return this.#actionAd(EXPORT_JOBS, [
      actionTargetAttribute(jobSpec),
      `ExportDir = ${quote(exportDir)}`,
      ...(newSpoolDir ? [`NewSpoolDir = ${quote(newSpoolDir)}`] : []),
    ], options);
  }

  /** Merges the results of exported jobs back from `importDir`. */
  import_exported_job_results(importDir: string, options?: CallOptions): Promise<ClassAd> {
    return this.#actionAd(IMPORT_EXPORTED_JOB_RESULTS, [`ExportDir = ${quote(importDir)}`], options);
  }

  /** Takes exported jobs back without their results. */
  unexport_jobs(jobSpec: JobSpec, options?: CallOptions): Promise<ClassAd> {
    return this.#actionAd(UNEXPORT_JOBS, [actionTargetAttribute(jobSpec)], options);
  }

  /** GSI is gone from HTCondor (since 9.x): there is no proxy to refresh. */
  refreshGSIProxy(): never {
    throw new HTCondorValueError('refreshGSIProxy: GSI authentication was removed from HTCondor; there is no X.509 proxy to refresh');
  }

  /** The schedd's address, located through the collector the first time it is needed. */
  address(): Promise<string> {
    this.#address ??= new Collector(undefined, this.#options).locate(DaemonTypes.Schedd).then((ad) => addressOf(ad));
    return this.#address;
  }

  async #request(options?: CallOptions): Promise<TargetRequest> {
    const request = daemonRequest(await this.address(), this.#options);
    return options?.timeout !== undefined ? { ...request, timeoutSeconds: options.timeout } : request;
  }

  // In the open transaction, or in one of its own committed at the end.
  async #inTransaction<T>(options: CallOptions | undefined, body: (queue: QueueConnection) => Promise<T>): Promise<T> {
    if (this.#transaction) return this.#transaction.run(body);
    return this.transaction(TransactionFlags.None, (txn) => txn.run(body), options);
  }

  async #history(r: HistoryRequest, options?: CallOptions): Promise<QueryIterator> {
    return this.#stream(QUERY_SCHEDD_HISTORY, historyAd(r), '', checkHistoryEnd, options, false);
  }

  async #stream(command: number, requestAd: string, tag: string, check: EndCheck, options: CallOptions | undefined, summaryOnly: boolean): Promise<QueryIterator> {
    const request = await this.#request(options);
    const first = await cancellable(request, options, (r) => core().adStream({ ...r, command, requestAd, chunk: QUERY_CHUNK }));
    return new QueryIterator(first, tag, check, summaryOnly);
  }

  async #actionAd(command: number, attrs: string[], options?: CallOptions): Promise<ClassAd> {
    const request = await this.#request(options);
    const [reply] = await cancellable(request, options, (r) => core().adCommand({ ...r, command, requestAd: `[ ${attrs.join('; ')} ]` }));
    const ad = new ClassAd(reply!);
    if (ad.get('ActionResult') !== 1) {
      const why = ad.get('ErrorString');
      const code = ad.get('ErrorCode');
      ad.dispose();
      throw new HTCondorIOError(typeof why === 'string' ? why : `the schedd refused the request (error ${String(code)})`);
    }
    return ad;
  }
}

/** A boolean knob of the host's configuration that defaults to true. */
async function configTrue(name: string): Promise<boolean> {
  return /^(t|y|1)/i.test((await core().configValue(name)) ?? 'true');
}

/** The job ad a description of /bin/echo makes, without its proc's own attributes: what submitMany builds on. */
function defaultJobAd(): ClassAd {
  const description = new Submit({ executable: '/bin/echo' });
  try {
    const jobs = description.procs();
    jobs.next();
    const cluster = jobs.clusterad()!;
    jobs.dispose();
    return cluster;
  } finally {
    description.dispose();
  }
}

/** A value for edit(): expression text as given, an ExprTree unparsed, numbers and booleans as literals. */
function valueText(value: unknown): string {
  if (value instanceof ExprTree) return value.toString();
  if (typeof value === 'string') {
    constraintText(value);
    return value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new HTCondorValueError(`an attribute value must be expression text, an ExprTree, a number or a boolean, not ${typeof value}`);
}
