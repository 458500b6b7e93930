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
  /** The ads a collector returns for a query, each as new-syntax ClassAd text. */
  collectorQuery(request: CollectorQueryRequest): Promise<string[]>;
}

export interface CollectorQueryRequest {
  /** The collector's address: a sinful string such as `<127.0.0.1:9618>`. */
  readonly address: string;
  readonly command: number;
  readonly targetType: string;
  readonly constraint: string;
  readonly projection: readonly string[];
  readonly timeoutSeconds: number;
  /** Reach the collector through this WebSocket proxy instead of direct TCP. */
  readonly proxy?: { readonly url: string; readonly token?: string };
}

/** A live core host, as the provider hands it out. */
export interface CoreConnection {
  readonly port: CorePort;
  /** False once the host is gone (its worker exited); the provider then starts a new one. */
  alive(): boolean;
}
