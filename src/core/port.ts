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
}

/** A live core host, as the provider hands it out. */
export interface CoreConnection {
  readonly port: CorePort;
  /** False once the host is gone (its worker exited); the provider then starts a new one. */
  alive(): boolean;
}
