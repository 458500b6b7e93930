// The submit language of the core (wasm/bindings/submit_bindings.cpp). Pure computation, so it
// runs in the calling thread on the ClassAd engine's core, like `classad` and JobEventLog; files
// (include, queue from, queue matching, file sizes) are read through the host callbacks below,
// synchronously while the core asks.
import { engine, type AdHandle, type Handle } from '../../classad/engine.js';
import * as errors from '../../errors.js';

/** What the core asks the host for, and the facts condor_submit takes from outside the description. */
export interface SubmitHost {
  readFile(path: string): Uint8Array | undefined;
  listDirectory(path: string): { name: string; isDirectory: boolean }[] | undefined;
  fileSize(path: string): number | undefined;
  isDirectory(path: string): boolean;
  environment: [string, string][];
  cwd: string;
  submitFile: string | null;
  user: string;
  /** geteuid(), where the runtime has one: GSI's default proxy file is /tmp/x509up_u<euid>. */
  euid?: number;
  arch: string;
  opsys: string;
  /** Runs `include : command |`'s command in `cwd` and gives its output; absent where commands cannot run. */
  runCommand?(command: string, cwd: string): Uint8Array | undefined;
  /** param(): the configuration value condor_submit would read (expanded), undefined when unset. */
  param(name: string): string | undefined;
}

/** A core error: condor_submit's message; `type` names another exception class where the Python bindings raise one. */
export type Failed = { error: string; line?: number; type?: string };

export interface ItemsHandle extends Handle {
  /** Up to `max` items: strings, or objects of the variables' values. */
  next(max: number): (string | Record<string, string>)[];
}

export interface JobsHandle extends Handle {
  /** The next ad, null when done. */
  next(): AdHandle | null | Failed;
  clusterAd(): AdHandle | null;
}

export interface JobsRequest {
  procs: boolean;
  count: number;
  clusterId: number;
  procId: number;
  qdate: number;
  owner: string;
  /** Item data given by the caller instead of the queue statement's, in batches. */
  itemdata: boolean;
}

export interface SubmitCallsHandle extends Handle {
  /** The queue calls (encoded) of up to `maxProcs` more procs; procs 0: none left for now. */
  write(maxProcs: number): { procs: number; calls: Uint8Array } | Failed;
  clusterAd(): AdHandle | null;
}

export interface SubmitCallsRequest {
  clusterId: number;
  count: number;
  qdate: number;
  itemdata: boolean;
  spool: boolean;
}

export interface FactoryRequest {
  clusterId: number;
  count: number;
  qdate: number;
  spool: boolean;
  /** The caller's items as rows (fields separated by \x1F) and their variables. */
  rows?: string[];
  vars?: string[];
}

export interface FactorySubmitData {
  /** The cluster ad's queue calls (encoded). */
  calls: Uint8Array;
  clusterAd: AdHandle;
  rows: string;
  jobs: number;
  maxMaterialize: number;
  digest: string;
  count: number;
  vars: string[];
}

export type ItemValue = string | readonly string[] | Readonly<Record<string, string>>;

export interface SubmitHandle extends Handle {
  keys(): string[];
  get(key: string): string | null;
  set(key: string, value: string): void;
  erase(key: string): boolean;
  text(): string;
  expand(key: string): { value: string } | Failed;
  queueArgs(): string;
  setQueueArgs(args: string): Failed | null;
  items(qargs: string): ItemsHandle | Failed;
  submitMethod(): number;
  setSubmitMethod(value: number): void;
  jobs(request: JobsRequest): JobsHandle | Failed;
  /** For jobs() given item data: the next item's values for the next `count` procs. */
  feedItem(jobs: JobsHandle, item: ItemValue): Failed | null;
  submitCalls(request: SubmitCallsRequest): SubmitCallsHandle | Failed;
  wantsFactory(): boolean | Failed;
  factorySubmit(request: FactoryRequest): FactorySubmitData | Failed;
  feedCallsItem(calls: SubmitCallsHandle, item: ItemValue): Failed | null;
}

interface SubmitCore {
  SubmitDescription: new (host: SubmitHost) => SubmitHandle;
  parseSubmit(text: string, host: SubmitHost): SubmitHandle | Failed;
  dryRun(text: string, host: SubmitHost): { output: string; jobs: number; warnings: string[] } | Failed;
  factoryQueueLine(count: number, vars: string[], itemsFile: string): string;
  dagSubmitDescription(dagFile: string, options: [string, unknown][], host: SubmitHost): { text: string } | Failed;
}

export function submitCore(): SubmitCore {
  return engine() as unknown as SubmitCore;
}

export function failed(x: unknown): x is Failed {
  return typeof x === 'object' && x !== null && 'error' in x;
}

/** The core's error as the documented exception: condor_submit's own message. */
export function raise(error: Failed): never {
  const named = error.type && (errors as Record<string, unknown>)[error.type];
  const Class = typeof named === 'function' ? (named as new (message: string) => Error) : errors.HTCondorValueError;
  throw new Class(error.error);
}
