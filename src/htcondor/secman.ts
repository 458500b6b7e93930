import { ClassAd } from '../classad/classad.js';
import type { SecurityRequest } from '../core/port.js';
import { core } from '../core/provider.js';
import { addressOf, targetRequest, type ConnectionOptions } from './connection.js';
import type { Token } from './token.js';

/**
 * HTCondor's security manager, as the Python bindings' `htcondor.SecMan`: the security
 * settings and credentials of the calls made with it, and the session cache they share.
 * Pass it as `{ security }` to Collector and the other daemon objects; calls without one use
 * `SecMan.default`, which starts from HTCondor's configuration (Node, Deno, Bun).
 */
export class SecMan {
  /** The settings calls use when they are given no SecMan. */
  static readonly default = new SecMan();

  readonly #config = new Map<string, string>();
  #tokens: string[] | undefined;
  #poolPassword: string | undefined;
  #caCertificates: string | undefined;
  #scitoken: string | undefined;
  #tag: string | undefined;
  readonly #connection: Pick<ConnectionOptions, 'proxy' | 'proxyToken' | 'timeout'>;

  /** `options` say how `ping` reaches daemons (a proxy in browsers). */
  constructor(options: Pick<ConnectionOptions, 'proxy' | 'proxyToken' | 'timeout'> = {}) {
    this.#connection = options;
  }

  /**
   * Authenticates to the daemon at `target` (a location ad or an address) for `command` (an
   * authorization level such as "WRITE", a command name or number; default "DC_NOP"), and
   * returns the session's description: `MyRemoteUserName`, `AuthMethods`, `Encryption`,
   * `CryptoMethods`, `Sid`, `ValidCommands`, ... and the daemon's `AuthorizationSucceeded`.
   */
  async ping(target: ClassAd | string, command: string | number = 'DC_NOP'): Promise<ClassAd> {
    const text = await core().ping({ ...targetRequest(addressOf(target), this.#connection, this.request()), command });
    return new ClassAd(text);
  }

  /** Forgets every cached security session (those of every SecMan: the cache is shared). */
  invalidateAllSessions(): Promise<void> {
    return core().invalidateAllSessions();
  }

  /** HTCondor's name for a command number. */
  getCommandString(command: number): Promise<string> {
    return core().commandString(command);
  }

  /** Overrides a configuration setting for calls made with this SecMan (e.g. SEC_CLIENT_AUTHENTICATION_METHODS). */
  setConfig(key: string, value: string): void {
    this.#config.set(key.toUpperCase(), value);
  }

  /** Authenticate with this IDTOKENS token instead of those in the tokens directories. */
  setToken(token: Token | string): void {
    this.#tokens = [typeof token === 'string' ? token : token.contents];
  }

  /** Authenticate with PASSWORD using this pool password (where the daemons accept the method). */
  setPoolPassword(password: string): void {
    this.#poolPassword = password;
  }

  /**
   * Trust these CA certificates (PEM) for SSL and SCITOKENS. An htcondor-wasm addition for
   * runtimes without files; elsewhere AUTH_SSL_CLIENT_CAFILE names them, as for HTCondor.
   */
  setCaCertificates(pem: string): void {
    this.#caCertificates = pem;
  }

  /**
   * Authenticate with this SciToken (SCITOKENS). An htcondor-wasm addition for runtimes
   * without files; elsewhere it is found as HTCondor finds it (SCITOKENS_FILE, BEARER_TOKEN, ...).
   */
  setSciToken(token: string): void {
    this.#scitoken = token;
  }

  /** Keeps the sessions of this SecMan apart from those made with other tags. */
  setTag(tag: string): void {
    this.#tag = tag;
  }

  /** @internal The settings as the core host takes them. */
  request(): SecurityRequest {
    return {
      ...(this.#config.size > 0 && { config: Object.fromEntries(this.#config) }),
      ...(this.#tokens && { tokens: this.#tokens }),
      ...(this.#poolPassword !== undefined && { poolPassword: this.#poolPassword }),
      ...(this.#caCertificates !== undefined && { caCertificates: this.#caCertificates }),
      ...(this.#scitoken !== undefined && { scitoken: this.#scitoken }),
      ...(this.#tag !== undefined && { tag: this.#tag }),
    };
  }
}
