import { core } from '../core/provider.js';

/**
 * The version banner of the HTCondor release this library speaks as, like the Python
 * bindings' `htcondor.version()`: `$CondorVersion: 23.9.6 <date> BuildID: htcondor-wasm-<v> $`.
 */
export function version(): Promise<string> {
  return core().version();
}

/** The platform banner of the core's build, like `htcondor.platform()`: `$CondorPlatform: WASM32-WebAssembly $`. */
export function platform(): Promise<string> {
  return core().platform();
}
