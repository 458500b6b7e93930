import { sinfulOf } from '../src/core/address.js';
import type { CorePort, OpenedOperation, Records, TargetRequest } from '../src/core/port.js';
import { HTCondorEnumError, HTCondorInternalError, HTCondorValueError } from '../src/errors.js';
import { hostConfiguration, writeToken, type HostConfiguration } from './host-config.js';
import { loadCore, type CoreModule } from './load-core.js';
import { clock, drive, OperationRun, type OperationHandle } from './operation-driver.js';
import { securityHandles } from './security.js';
import { defaultTransport, type Transport } from './transport.js';
import { websocketTransport } from './transport-websocket.js';

/**
 * The host side of CorePort: owns the WASM core. It answers at once and loads the core
 * lazily, so a worker can expose it before the module is instantiated; a core that fails to
 * load fails each call with HTCondorInternalError.
 */
export function createCoreHost(): CorePort {
  let loading: Promise<CoreModule> | undefined;
  let config: HostConfiguration | undefined;
  let security: ReturnType<typeof securityHandles> | undefined;
  const module = (): Promise<CoreModule> => {
    loading ??= loadCore().catch((error: unknown) => {
      throw new HTCondorInternalError(`htcondor-wasm: the WASM core failed to load: ${String(error)}`);
    });
    return loading;
  };
  const configuration = async (): Promise<HostConfiguration> => (config ??= hostConfiguration(await module()));

  // Everything an operation needs besides its own arguments: where, how, with which security.
  const context = async (r: TargetRequest) => {
    const config = await configuration();
    security ??= securityHandles(await module(), config);
    return {
      address: r.address ?? configuredCollector(config),
      deadline: clock() + r.timeoutSeconds,
      security: security(r.security),
      transport: r.proxy ? websocketTransport(r.proxy) : defaultTransport,
    };
  };
  // Operations that go on after their first step, or that the caller may cancel, by id
  // (operationNext, operationCancel). Ids the caller gives are positive, the host's negative.
  const running = new Map<number, OperationRun>();
  let nextRunId = -1;
  const step = async (id: number, run: OperationRun, input?: string | Uint8Array) => {
    try {
      const result = await run.next(input);
      if (result.done) running.delete(id);
      return result;
    } catch (error) {
      running.delete(id);
      throw error;
    }
  };
  /**
   * Starts `op` and returns its first step; `chunk` bounds the results a step holds, `idle`
   * makes the timeout one of no progress (file transfers).
   */
  const open = async (r: TargetRequest, op: OperationHandle, transport: Transport, chunk?: number, idle?: boolean): Promise<OpenedOperation> => {
    const id = r.operation ?? nextRunId--;
    const run = new OperationRun(op, transport, chunk, idle);
    running.set(id, run);
    return { id, ...(await step(id, run)) };
  };
  /** Every result of an operation the caller may cancel. */
  const complete = async (r: TargetRequest, op: OperationHandle, transport: Transport): Promise<string[]> => {
    const first = await open(r, op, transport);
    if (!first.done) throw new HTCondorInternalError('htcondor-wasm: an operation asked for input it cannot get');
    return first.items as string[];
  };
  return {
    version: async () => (await module()).version(),
    platform: async () => (await module()).platform(),
    collectorQuery: async (r) => {
      const core = await module();
      const c = await context(r);
      const op = core.collectorQuery(
        c.address,
        r.command,
        r.targetType,
        r.constraint,
        [...r.projection],
        r.statistics ?? '',
        r.locationQuery ?? null,
        c.deadline,
        c.security,
      );
      return drive<Records>(op, c.transport);
    },
    collectorAdvertise: async (r) => {
      const core = await module();
      const c = await context(r);
      const command = core.collectorCommandNumber(r.command) as number | null;
      if (command === null) throw new HTCondorEnumError(`Invalid command ${r.command}`);
      await drive(core.collectorAdvertise(c.address, command, [...r.ads], c.deadline, c.security), c.transport);
    },
    adCommand: async (r) => {
      const core = await module();
      const c = await context(r);
      return complete(r, core.adCommand(c.address, r.command, r.requestAd, r.endMarker ?? null, c.deadline, c.security), c.transport);
    },
    configValue: async (name) => (await configuration()).lookup(name) ?? null,
    ping: async (r) => {
      const core = await module();
      const c = await context(r);
      const command = typeof r.command === 'number' ? r.command : (core.pingCommand(r.command) as number | null);
      if (command === null) throw new HTCondorEnumError(`Unable to determine DaemonCore command value: "${r.command}" is neither an authorization level nor a command name`);
      const [ad] = await drive(core.ping(c.address, command, c.deadline, c.security), c.transport);
      return ad!;
    },
    adStream: async (r) => {
      const core = await module();
      const c = await context(r);
      return open(r, core.adStream(c.address, r.command, r.requestAd, c.deadline, c.security), c.transport, r.chunk);
    },
    qmgmt: async (r) => {
      const core = await module();
      const c = await context(r);
      return open(r, core.qmgmt(c.address, r.write, c.deadline, c.security), c.transport);
    },
    scheddAct: async (r) => {
      const core = await module();
      const c = await context(r);
      const [ad] = await complete(r, core.scheddAct(c.address, r.requestAd, c.deadline, c.security), c.transport);
      return ad!;
    },
    plainCommand: async (r) => {
      const core = await module();
      const c = await context(r);
      await complete(r, core.plainCommand(c.address, r.command, c.deadline, c.security), c.transport);
    },
    invalidateAllSessions: async () => (await module()).invalidateAllSessions(),
    commandString: async (command) => {
      const name = (await module()).commandName(command) as string | null;
      if (name === null) throw new HTCondorValueError(`${command} is not an HTCondor command number`);
      return name;
    },
    writeToken: async (name, token) => writeToken(await configuration(), name, token),
    operationNext: async (id, input) => {
      const run = running.get(id);
      if (!run) throw new HTCondorInternalError(`htcondor-wasm: no running operation ${id}`);
      return step(id, run, input);
    },
    scheddSpool: async (r) => {
      const core = await module();
      const c = await context(r);
      return open(r, core.scheddSpool(c.address, r.jobs, c.deadline, c.security), c.transport, undefined, true);
    },
    scheddRetrieve: async (r) => {
      const core = await module();
      const c = await context(r);
      return open(r, core.scheddRetrieve(c.address, r.constraint, c.deadline, c.security), c.transport, RETRIEVE_CHUNK, true);
    },
    operationCancel: async (id) => {
      running.get(id)?.cancel();
      running.delete(id);
    },
  };
}

/** Items a retrieve step holds: file data comes in pieces of up to 256 KiB. */
const RETRIEVE_CHUNK = 16;

/** COLLECTOR_HOST as a sinful string: its first entry, port 9618 unless given. */
function configuredCollector(config: HostConfiguration): string {
  const value = config.lookup('COLLECTOR_HOST');
  const first = value?.split(/[\s,]+/).find((entry) => entry !== '');
  if (!first) throw new HTCondorValueError('no pool given and COLLECTOR_HOST is not configured');
  return sinfulOf(first);
}
