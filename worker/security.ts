// The core's security settings for operations: what the caller set on its SecMan, then
// HTCondor's configuration (SEC_CLIENT_* falling back to SEC_DEFAULT_*, as HTCondor's client
// reads them), then the core's defaults. The core reads each set of settings once into a
// handle that its operations share; files HTCondor reads at each authentication (the SciToken,
// the trusted CAs) are read only when a handshake needs them.
import type { SecurityRequest } from '../src/core/port.js';
import { HTCondorValueError } from '../src/errors.js';
import type { HostConfiguration } from './host-config.js';
import type { Security as CoreSecurity } from '../build/wasm/htcondor-core.mjs';
import type { CoreModule } from './load-core.js';

/** A secret as text, or how to find it when a handshake needs it (undefined: there is none). */
type Secret = string | (() => string | undefined);

/** The object the core's security() reads (wasm/bindings/security_bindings.cpp). */
interface CoreSecuritySettings {
  authentication: string;
  encryption: string;
  integrity: string;
  negotiation: string;
  authMethods: string;
  tokens: string[];
  poolPassword?: string;
  sslCaPem: Secret;
  sslSkipHostCheck: boolean;
  scitoken: Secret;
  claimToBe?: string;
  trustDomain?: string;
  tag: string;
  pid: number;
}

function coreSecuritySettings(request: SecurityRequest | undefined, config: HostConfiguration): CoreSecuritySettings {
  const param = (name: string): string | undefined => request?.config?.[name] ?? config.lookup(name);
  const client = (setting: string): string => param(`SEC_CLIENT_${setting}`) ?? param(`SEC_DEFAULT_${setting}`) ?? '';
  const uidDomain = param('UID_DOMAIN');
  const poolPassword = request?.poolPassword ?? config.poolPassword();
  const caFile = param('AUTH_SSL_CLIENT_CAFILE');
  const scitokensFile = param('SCITOKENS_FILE');
  // Sent in the opening ad, as HTCondor's clients do (the configuration's default is $(UID_DOMAIN)).
  const trustDomain = param('TRUST_DOMAIN');
  return {
    authentication: client('AUTHENTICATION'),
    encryption: client('ENCRYPTION'),
    integrity: client('INTEGRITY'),
    negotiation: client('NEGOTIATION'),
    authMethods: client('AUTHENTICATION_METHODS'),
    tokens: [...(request?.tokens ?? config.tokens())],
    ...(poolPassword !== undefined && { poolPassword }),
    sslCaPem: request?.caCertificates ?? (caFile !== undefined ? () => config.readFile(caFile) : ''),
    sslSkipHostCheck: /^(t|y|1)/i.test(param('SSL_SKIP_HOST_CHECK') ?? ''),
    scitoken: request?.scitoken ?? (() => config.scitoken(scitokensFile)),
    ...(config.userName && { claimToBe: uidDomain ? `${config.userName}@${uidDomain}` : config.userName }),
    ...(trustDomain && { trustDomain }),
    tag: request?.tag ?? '',
    pid: config.pid,
  };
}

/** Security handles kept, by the settings they were made from; the least recently used goes when there are more. */
const KEPT = 16;

/**
 * The core's handle for a caller's security settings, made once per distinct SecMan state.
 * A handle dropped from the cache may still be in use by a running operation: each operation
 * takes its own copy of the settings when it starts, so deleting the handle is safe.
 */
export function securityHandles(core: CoreModule, config: HostConfiguration): (request: SecurityRequest | undefined) => CoreSecurity {
  const handles = new Map<string, CoreSecurity>();
  return (request) => {
    const key = request === undefined ? '' : JSON.stringify(request);
    const kept = handles.get(key);
    if (kept) {
      // Last in the map's order: the one to go is the first.
      handles.delete(key);
      handles.set(key, kept);
      return kept;
    }
    const made = core.security(coreSecuritySettings(request, config)) as { security: CoreSecurity } | { error: string };
    if ('error' in made) throw new HTCondorValueError(made.error);
    if (handles.size >= KEPT) {
      const [unused, handle] = handles.entries().next().value!;
      handles.delete(unused);
      handle.delete();
    }
    handles.set(key, made.security);
    return made.security;
  };
}
