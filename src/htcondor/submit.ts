import { Owned } from '../classad/lifetime.js';
import { HTCondorTypeError, HTCondorValueError } from '../errors.js';
import { QueueItemsIterator, type QueueItem } from './queue-items-iterator.js';
import { SubmitJobsIterator } from './submit-jobs-iterator.js';
import { checkItem } from './queue-items-iterator.js';
import { failed, raise, submitCore, type FactoryRequest, type FactorySubmitData, type SubmitCallsHandle, type SubmitCallsRequest, type SubmitHandle } from './submit/core.js';
import { dagDescription, type DagOptions } from './submit/from-dag.js';
import { submitHost } from './submit/host.js';
import type { SubmitOptions } from './submit/options.js';

export type { DagOptions } from './submit/from-dag.js';
export type { SubmitOptions } from './submit/options.js';

/** The lowest JobSubmitMethod a user may set without `allowReservedValues` (HTCondor's JSM_USER_SET). */
const USER_SUBMIT_METHOD = 100;

export interface DryRun {
  /** The dry-run file's text, with condor_submit's attribute order aside. */
  readonly output: string;
  readonly jobs: number;
  /** condor_submit's warnings, without "WARNING: ". */
  readonly warnings: readonly string[];
}

export interface JobsOptions {
  /** Procs per item (default: the queue statement's count, 1 with `itemdata`). */
  count?: number;
  /** Items instead of the queue statement's: strings, or objects of the queue variables' values. */
  itemdata?: Iterable<QueueItem> | AsyncIterable<QueueItem>;
  clusterid?: number;
  procid?: number;
  /** QDate, seconds since the epoch (default: now). */
  qdate?: number;
  owner?: string;
}

/**
 * A submit description, as the Python bindings' `htcondor.Submit`: the text of a submit file
 * (with at most its queue statement), or `key = value` pairs, read exactly as condor_submit
 * reads them. It is a map of strings (`get`, `set`, `delete`, `keys`, `items`, ...);
 * `jobs()` and `procs()` make the job ClassAds condor_submit would send to the schedd, without
 * one; `itemdata()` gives the queue statement's items. Facts the real tool finds outside the
 * description (working directory, files, environment, user, configuration) are the options.
 */
export class Submit extends Owned<SubmitHandle> implements Iterable<string> {
  constructor(input?: string | Readonly<Record<string, string>> | Iterable<readonly [string, string]>, options: SubmitOptions = {}) {
    const host = submitHost(options);
    if (typeof input === 'string') {
      const parsed = submitCore().parseSubmit(input, host);
      if (failed(parsed)) raise(parsed);
      super(parsed);
    } else {
      super(new (submitCore().SubmitDescription)(host));
      if (input !== undefined) this.update(input);
    }
  }

  /**
   * What `condor_submit -dry-run` does with a whole submit file (any number of queue
   * statements, each with the description as it stands there): the dry-run file's text (a
   * blank line, the cluster ad, then `ProcId=N` blocks of what each proc adds) and the number
   * of jobs. Errors are condor_submit's, as HTCondorValueError. Nothing is submitted.
   */
  static dryRun(text: string, options: SubmitOptions = {}): DryRun {
    const result = submitCore().dryRun(text, submitHost(options));
    if (failed(result)) raise(result);
    return result;
  }

  /** The description `condor_submit_dag` would submit DAGMan with for the DAG file `filename`. */
  static from_dag(filename: string, options: DagOptions = {}, submitOptions: SubmitOptions = {}): Submit {
    return new Submit(dagDescription(filename, options, submitHost(submitOptions)), submitOptions);
  }

  get size(): number {
    return this.handle.keys().length;
  }

  has(key: string): boolean {
    return this.handle.get(key) !== null;
  }

  /** The value of `key` (any case) as written, unexpanded; `fallback` when it is not defined. */
  get<T = undefined>(key: string, fallback?: T): string | T {
    return this.handle.get(key) ?? (fallback as T);
  }

  set(key: string, value: string): this {
    if (typeof value !== 'string') throw new HTCondorTypeError(`the value of ${key} must be a string, not ${typeof value}`);
    this.handle.set(key, value);
    return this;
  }

  /** Removes `key`; false when it was not defined. */
  delete(key: string): boolean {
    return this.handle.erase(key);
  }

  /** dict.setdefault: the value of `key`, first setting it to `value` when undefined. */
  setdefault(key: string, value: string): string {
    const current = this.handle.get(key);
    if (current !== null) return current;
    this.set(key, value);
    return value;
  }

  /** dict.update: sets every pair of a plain object, a Map or an iterable of pairs. */
  update(source: Readonly<Record<string, string>> | Iterable<readonly [string, string]>): void {
    const pairs = Symbol.iterator in source ? (source as Iterable<readonly [string, string]>) : Object.entries(source);
    for (const [key, value] of pairs) this.set(key, value);
  }

  /** The keys in the order they were first defined. */
  keys(): string[] {
    return this.handle.keys();
  }

  values(): string[] {
    return this.keys().map((key) => this.handle.get(key)!);
  }

  items(): [string, string][] {
    return this.keys().map((key) => [key, this.handle.get(key)!]);
  }

  [Symbol.iterator](): Iterator<string> {
    return this.keys()[Symbol.iterator]();
  }

  /** The description as submit-file text: `key = value` lines, then the queue statement. */
  override toString(): string {
    return this.handle.text();
  }

  /** The value of `key` with every macro expanded. */
  expand(key: string): string {
    const result = this.handle.expand(key);
    if (failed(result)) raise(result);
    return result.value;
  }

  /** The arguments of the queue statement ("" without one). */
  getQArgs(): string {
    return this.handle.queueArgs();
  }

  /** Replaces the queue statement's arguments ("3", "name in (a, b)", "a,b from file", ...). */
  setQArgs(args: string): void {
    const result = this.handle.setQueueArgs(args);
    if (result) raise(result);
  }

  /** The items of `qargs`, or of the queue statement when it is omitted. */
  itemdata(qargs = ''): QueueItemsIterator {
    const items = this.handle.items(qargs);
    if (failed(items)) raise(items);
    return new QueueItemsIterator(items);
  }

  /** Sets JobSubmitMethod; values below 100 are HTCondor's own tools' unless `allowReservedValues`; a negative one leaves it out. */
  setSubmitMethod(value = -1, allowReservedValues = false): void {
    if (!Number.isInteger(value)) throw new HTCondorTypeError(`the submit method must be an integer, not ${value}`);
    if (value >= 0 && value < USER_SUBMIT_METHOD && !allowReservedValues) {
      throw new HTCondorValueError(`Submit Method value must be ${USER_SUBMIT_METHOD} or greater. Or allow_reserved_values must be set to True.`);
    }
    this.handle.setSubmitMethod(value);
  }

  getSubmitMethod(): number {
    return this.handle.submitMethod();
  }

  /** Every proc's whole job ad (the cluster ad's attributes included), as `Submit.jobs()`. */
  jobs(options: JobsOptions = {}): SubmitJobsIterator {
    return this.iterate(false, options);
  }

  /** The cluster ad with ProcId first, then each further proc's own attributes only, as `Submit.procs()`. */
  procs(options: JobsOptions = {}): SubmitJobsIterator {
    return this.iterate(true, options);
  }

  /** @internal Schedd.submit: the queue calls that make this description's jobs in a cluster the schedd made. */
  queueCalls(request: SubmitCallsRequest): SubmitCallsHandle {
    const calls = this.handle.submitCalls(request);
    if (failed(calls)) raise(calls);
    return calls;
  }

  /** @internal Schedd.submit: whether the description asks for late materialization. */
  wantsFactory(): boolean {
    const wants = this.handle.wantsFactory();
    if (failed(wants)) raise(wants);
    return wants;
  }

  /** @internal Schedd.submit: what a late-materialization submit sends for a cluster the schedd made. */
  factorySubmit(request: FactoryRequest): FactorySubmitData {
    const made = this.handle.factorySubmit(request);
    if (failed(made)) raise(made);
    return made;
  }

  /** @internal The next item of Schedd.submit's item data. */
  feedQueueItem(calls: SubmitCallsHandle, item: QueueItem): void {
    checkItem(item);
    const result = this.handle.feedCallsItem(calls, item);
    if (result) raise(result);
  }

  private iterate(procs: boolean, options: JobsOptions): SubmitJobsIterator {
    const count = options.count ?? 0;
    for (const [name, value] of Object.entries({ count, clusterid: options.clusterid ?? 1, procid: options.procid ?? 0 })) {
      if (!Number.isSafeInteger(value) || value < 0) throw new HTCondorValueError(`${name} must be a non-negative integer, not ${value}`);
    }
    const jobs = this.handle.jobs({
      procs,
      count,
      clusterId: options.clusterid ?? 1,
      procId: options.procid ?? 0,
      qdate: options.qdate || Math.floor(Date.now() / 1000),
      owner: options.owner ?? '',
      itemdata: options.itemdata !== undefined,
    });
    if (failed(jobs)) raise(jobs);
    return new SubmitJobsIterator(this.handle, jobs, options.itemdata);
  }
}

