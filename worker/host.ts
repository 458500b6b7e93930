import type { CorePort } from '../src/core/port.js';
import { clock, drive, type OperationHandle } from './operation-driver.js';
import { defaultTransport } from './transport.js';
import { websocketTransport } from './transport-websocket.js';
import { HTCondorInternalError } from '../src/errors.js';
import { loadCore, type CoreModule } from './load-core.js';

/**
 * The host side of CorePort: owns the WASM core. It answers at once and loads the core
 * lazily, so a worker can expose it before the module is instantiated; a core that fails to
 * load fails each call with HTCondorInternalError.
 */
export function createCoreHost(): CorePort {
  let loading: Promise<CoreModule> | undefined;
  const module = (): Promise<CoreModule> => {
    loading ??= loadCore().catch((error: unknown) => {
      throw new HTCondorInternalError(`htcondor-wasm: the WASM core failed to load: ${String(error)}`);
    });
    return loading;
  };
  return {
    version: async () => (await module()).version(),
    platform: async () => (await module()).platform(),
    collectorQuery: async (r) => {
      const core = (await module()) as unknown as {
        collectorQuery(a: string, c: number, t: string, k: string, p: string[], deadline: number): OperationHandle;
      };
      const transport = r.proxy ? websocketTransport(r.proxy) : defaultTransport;
      return drive(core.collectorQuery(r.address, r.command, r.targetType, r.constraint, [...r.projection], clock() + r.timeoutSeconds), transport);
    },
  };
}
