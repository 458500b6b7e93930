/**
 * What the core host serves: the contract between the public API (main thread) and the host
 * that owns the WASM core (a worker, or the current thread for the in-thread entry).
 * Every method is async, and arguments and results are plain structured-clone data, so the
 * same object works across a Comlink boundary and in-process.
 */
export interface CorePort {
  /** The `$CondorVersion: ... $` banner of the HTCondor release the core speaks as. */
  version(): Promise<string>;
  /** The `$CondorPlatform: ... $` banner of the core's own build. */
  platform(): Promise<string>;
  /** The ads a collector returns for a query, as UTF-8 wire lines ("Name = Expr"), runs of them per item. */
  collectorQuery(request: CollectorQueryRequest): Promise<Records[]>;
  /** Sends ads to a collector (no reply comes back: resolves once every message went out). */
  collectorAdvertise(request: AdvertiseRequest): Promise<void>;
  /** A command with one ad as its payload and ads as its answer (each a ClassAd text). */
  adCommand(request: AdCommandRequest): Promise<string[]>;
  /** A value of the host's HTCondor configuration, expanded; null where it has none. */
  configValue(name: string): Promise<string | null>;
  /** DC_SEC_QUERY: the session ad merged with the daemon's authorization answer, as ClassAd text. */
  ping(request: PingRequest): Promise<string>;
  /** Forgets every cached security session of this host. */
  invalidateAllSessions(): Promise<void>;
  /** HTCondor's name for a command number (getCommandString). */
  commandString(command: number): Promise<string>;
  /** Writes an IDTOKENS token into the tokens directory; returns the file's path. */
  writeToken(name: string, token: string): Promise<string>;
  /**
   * A query answered by ads up to an end ad (the schedd's job query and history): the ads as
   * wire lines ("Name = Expr", UTF-8 bytes), the end ad last, a chunk per step.
   */
  adStream(request: AdStreamRequest): Promise<OpenedOperation>;
  /**
   * A conversation with a schedd's job queue: the first step holds "ready"; each input is a
   * batch of queue calls (bytes, wasm/protocol/qmgmt_calls.hpp), each step their answers; an
   * empty batch ends it. Whatever was not committed when it ends is aborted.
   */
  qmgmt(request: QmgmtRequest): Promise<OpenedOperation>;
  /** ACT_ON_JOBS: the result ad as ClassAd text. */
  scheddAct(request: ScheddActRequest): Promise<string>;
  /** A command that carries and answers nothing (RESCHEDULE). */
  plainCommand(request: PlainCommandRequest): Promise<void>;
  /**
   * The next step of a running operation (one that streams results or converses): `input`
   * answers an operation that asked for it. After a step with `done`, the operation is gone.
   */
  operationNext(id: number, input?: string | Uint8Array): Promise<OperationStep>;
  /** Ends a running operation early (its connections close). */
  operationCancel(id: number): Promise<void>;
  /**
   * SPOOL_JOB_FILES_WITH_PERMS: uploads each job's input sandbox. A conversation: each step
   * holds `{"read":{job, file, offset, length}}` and the operation waits for exactly those
   * bytes of that entry as input.
   */
  scheddSpool(request: SpoolRequest): Promise<OpenedOperation>;
  /**
   * TRANSFER_DATA_WITH_PERMS: downloads the output sandboxes of the caller's jobs matching a
   * constraint, as items: `{"job":{cluster, proc, iwd}}`, then per entry `{"mkdir":{name, path,
   * mode}}` or `{"file":{name, path, mode, size}}` followed by its bytes (Records items).
   */
  scheddRetrieve(request: RetrieveRequest): Promise<OpenedOperation>;
}

/** One result of an operation: ClassAd or JSON text, or a run of binary records. */
export type OperationItem = string | Records;

/**
 * Binary results in a row (a query's ads as UTF-8 lines, pieces of a file) as one buffer:
 * record i is `bytes` from `ends[i - 1]` (or 0) to `ends[i]`.
 */
export interface Records {
  readonly bytes: Uint8Array;
  readonly ends: Uint32Array;
}

/**
 * What a running operation produced since its last step. A step ends when the operation is
 * done, waits for input, or has a chunk of results ready.
 */
export interface OperationStep {
  readonly items: OperationItem[];
  readonly done: boolean;
}

/** The first step of an operation that goes on: `id` names it for operationNext. */
export interface OpenedOperation extends OperationStep {
  readonly id: number;
}

/**
 * What a caller set on its SecMan; the host fills in the rest from HTCondor's configuration
 * where the runtime has one (SEC_CLIENT_* settings, the tokens directories).
 */
export interface SecurityRequest {
  /** Configuration overrides (SecMan.setConfig), e.g. `SEC_CLIENT_AUTHENTICATION_METHODS`. */
  readonly config?: Readonly<Record<string, string>>;
  /** IDTOKENS tokens to use instead of those found in the tokens directories. */
  readonly tokens?: readonly string[];
  /** Trusted CA certificates (PEM) for SSL and SCITOKENS, instead of AUTH_SSL_CLIENT_CAFILE. */
  readonly caCertificates?: string;
  /** A SciToken, instead of the one HTCondor's discovery finds (SCITOKENS_FILE, BEARER_TOKEN, ...). */
  readonly scitoken?: string;
  /** The pool password, for PASSWORD authentication (SecMan.setPoolPassword). */
  readonly poolPassword?: string;
  /** Keeps sessions of this context apart from others' (SecMan.setTag). */
  readonly tag?: string;
}

/** Where a daemon is and how to reach it. */
export interface TargetRequest {
  /** The daemon's sinful string; absent: the configured pool's collector (COLLECTOR_HOST). */
  readonly address?: string;
  /** Reach the daemon through this WebSocket proxy instead of direct TCP. */
  readonly proxy?: { readonly url: string; readonly token?: string };
  readonly timeoutSeconds: number;
  readonly security?: SecurityRequest;
  /** An id (unique in this thread) to run the operation under, so operationCancel can stop it from the start. */
  readonly operation?: number;
}

export interface CollectorQueryRequest extends TargetRequest {
  readonly command: number;
  readonly targetType: string;
  readonly constraint: string;
  readonly projection: readonly string[];
  /** STATISTICS_TO_PUBLISH, e.g. "SCHEDD:2". */
  readonly statistics?: string;
  /** locate: the daemon's name, which puts the collector on its locate path. */
  readonly locationQuery?: string;
}

export interface AdvertiseRequest extends TargetRequest {
  /** A collector command name (UPDATE_AD_GENERIC, INVALIDATE_ADS_GENERIC, ...). */
  readonly command: string;
  /** The ads, as ClassAd text. */
  readonly ads: readonly string[];
}

export interface AdCommandRequest extends TargetRequest {
  readonly command: number;
  /** The payload, as ClassAd text. */
  readonly requestAd: string;
  /** Read answers until one has this attribute; absent: exactly one answer. */
  readonly endMarker?: string;
}

export interface AdStreamRequest extends TargetRequest {
  readonly command: number;
  /** The request, as ClassAd text. */
  readonly requestAd: string;
  /** Ads per step (a chunk): a long answer holds at most a couple in memory. */
  readonly chunk: number;
}

export interface QmgmtRequest extends TargetRequest {
  /** QMGMT_WRITE_CMD; false: QMGMT_READ_CMD. */
  readonly write: boolean;
}

export interface ScheddActRequest extends TargetRequest {
  readonly requestAd: string;
}

export interface PlainCommandRequest extends TargetRequest {
  readonly command: number;
}

export interface PingRequest extends TargetRequest {
  /** The command whose authorization is checked: a number, a command name or an authorization level. */
  readonly command: number | string;
}

/** One entry of a job's input sandbox, in sending order (directories before what they hold). */
export interface SpoolEntry {
  /** Its name in the sandbox, e.g. "in.txt" or "dir/in.txt". */
  readonly name: string;
  readonly directory: boolean;
  /** Unix permission bits (0: the schedd's default). */
  readonly mode: number;
  /** Bytes (0 for directories). */
  readonly size: number;
}

export interface SpoolRequest extends TargetRequest {
  readonly jobs: readonly { readonly cluster: number; readonly proc: number; readonly entries: readonly SpoolEntry[] }[];
}

export interface RetrieveRequest extends TargetRequest {
  readonly constraint: string;
}

/** A live core host, as the provider hands it out. */
export interface CoreConnection {
  readonly port: CorePort;
  /** False once the host is gone (its worker exited); the provider then starts a new one. */
  alive(): boolean;
}
