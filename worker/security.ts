// The core's security options for one operation: what the caller set on its SecMan, then
// HTCondor's configuration (SEC_CLIENT_* falling back to SEC_DEFAULT_*, as HTCondor's client
// reads them), then the core's defaults.
import type { SecurityRequest } from '../src/core/port.js';
import type { HostConfiguration } from './host-config.js';

/** The object the core's operations take (wasm/bindings/ops_bindings.cpp reads these fields). */
export interface CoreSecurity {
  authentication: string;
  encryption: string;
  integrity: string;
  negotiation: string;
  authMethods: string;
  tokens: string[];
  poolPassword?: string;
  sslCaPem: string;
  sslSkipHostCheck: boolean;
  scitoken?: string;
  claimToBe?: string;
  tag: string;
  now: number;
  pid: number;
}

export function coreSecurity(request: SecurityRequest | undefined, config: HostConfiguration): CoreSecurity {
  const param = (name: string): string | undefined => request?.config?.[name] ?? config.lookup(name);
  const client = (setting: string): string => param(`SEC_CLIENT_${setting}`) ?? param(`SEC_DEFAULT_${setting}`) ?? '';
  const uidDomain = param('UID_DOMAIN');
  const poolPassword = request?.poolPassword ?? config.poolPassword();
  const caFile = param('AUTH_SSL_CLIENT_CAFILE');
  const sslCaPem = request?.caCertificates ?? (caFile !== undefined ? config.readFile(caFile) : undefined) ?? '';
  const scitoken = request?.scitoken ?? config.scitoken(param('SCITOKENS_FILE'));
  return {
    authentication: client('AUTHENTICATION'),
    encryption: client('ENCRYPTION'),
    integrity: client('INTEGRITY'),
    negotiation: client('NEGOTIATION'),
    authMethods: client('AUTHENTICATION_METHODS'),
    tokens: [...(request?.tokens ?? config.tokens())],
    ...(poolPassword !== undefined && { poolPassword }),
    sslCaPem,
    sslSkipHostCheck: /^(t|y|1)/i.test(param('SSL_SKIP_HOST_CHECK') ?? ''),
    ...(scitoken !== undefined && { scitoken }),
    ...(config.userName && { claimToBe: uidDomain ? `${config.userName}@${uidDomain}` : config.userName }),
    tag: request?.tag ?? '',
    now: Math.floor(Date.now() / 1000),
    pid: config.pid,
  };
}
