import { ClassAd } from '../classad/classad.js';
import { core } from '../core/provider.js';
import { HTCondorIOError, HTCondorValueError } from '../errors.js';
import { addressOf, type ConnectionOptions } from './connection.js';
import { daemonRequest } from './request.js';
import { Token } from './token.js';

// DaemonCore's token-request commands (protocol doc commands-daemon-control 6).
const START_TOKEN_REQUEST = 60047;
const FINISH_TOKEN_REQUEST = 60048;
const LIST_TOKEN_REQUEST = 60049;
const APPROVE_TOKEN_REQUEST = 60050;

/** Seconds between polls in `result`, as the Python bindings wait. */
const POLL_SECONDS = 5;

/**
 * A request for an IDTOKENS token, as the Python bindings' `htcondor.TokenRequest`: submit it
 * to a daemon (the collector by default), have an administrator approve it (`approve`, or
 * HTCondor's condor_token_request_approve), and collect the token with `result`.
 */
export class TokenRequest {
  readonly #identity: string;
  readonly #boundingSet: readonly string[] | undefined;
  readonly #lifetime: number;
  readonly #options: ConnectionOptions;
  #location: string | undefined;
  #clientId: string | undefined;
  #requestId: string | undefined;
  #token: string | undefined;

  /**
   * `identity`: the user the token is for (`user@domain`; without a domain, the pool's
   * UID_DOMAIN; empty: `condor@UID_DOMAIN`). `boundingSet`: authorization levels the token
   * is limited to (e.g. ["READ", "WRITE"]). `lifetime`: seconds, or -1 for the daemon's default.
   */
  constructor(identity = '', boundingSet?: readonly string[], lifetime = -1, options: ConnectionOptions = {}) {
    this.#identity = identity;
    this.#boundingSet = boundingSet;
    this.#lifetime = lifetime;
    this.#options = options;
  }

  /** Sends the request to the daemon of `location` (a location ad or address; default: the pool's collector). */
  async submit(location?: ClassAd | string): Promise<void> {
    if (this.#clientId) throw new HTCondorIOError('Token request already submitted.');
    this.#location = location === undefined ? undefined : addressOf(location);
    const clientId = `htcondor-wasm-${randomHex(16)}`;
    const request = new ClassAd({ User: await fullIdentity(this.#identity), ClientId: clientId });
    if (this.#boundingSet?.length) request.set('LimitAuthorization', this.#boundingSet.join(','));
    if (this.#lifetime > 0) request.set('TokenLifetime', this.#lifetime);
    const reply = await command(this.#location, this.#options, START_TOKEN_REQUEST, request);
    this.#clientId = clientId;
    const token = reply.get('Token');
    if (typeof token === 'string' && token !== '') this.#token = token;
    const id = reply.get('RequestId');
    if (typeof id === 'string') this.#requestId = id;
  }

  /** The id an administrator approves the request by. */
  get requestId(): string {
    if (this.#requestId === undefined) throw new HTCondorIOError('Request ID requested prior to submitting request!');
    return this.#requestId;
  }

  /** Whether the token was issued (asks the daemon once while it is still pending). */
  async done(): Promise<boolean> {
    if (this.#token !== undefined) return true;
    if (!this.#clientId) throw new HTCondorIOError('Request has not been submitted to a remote daemon');
    const reply = await command(this.#location, this.#options, FINISH_TOKEN_REQUEST,
      new ClassAd({ ClientId: this.#clientId, RequestId: this.requestId }));
    const token = reply.get('Token');
    if (typeof token === 'string' && token !== '') this.#token = token;
    return this.#token !== undefined;
  }

  /** The token, polling every 5 seconds until it is issued or `timeout` seconds pass (0: wait forever). */
  async result(timeout = 0): Promise<Token> {
    if (!this.#clientId) throw new HTCondorIOError('Request has not been submitted to a remote daemon');
    const deadline = timeout > 0 ? Date.now() + timeout * 1000 : Infinity;
    for (;;) {
      if (await this.done()) return new Token(this.#token!);
      const wait = Math.min(POLL_SECONDS * 1000, deadline - Date.now());
      if (wait <= 0) throw new HTCondorIOError('Timed out waiting for token approval');
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  /**
   * Approves a pending request, as condor_token_request_approve does: the caller must be an
   * administrator of the daemon at `location` (default: the pool's collector), or the user
   * the token is for.
   */
  static async approve(requestId: string, location?: ClassAd | string, options: ConnectionOptions = {}): Promise<void> {
    const address = location === undefined ? undefined : addressOf(location);
    const pending = await TokenRequest.pending(location, options, requestId);
    const request = pending.find((ad) => ad.get('RequestId') === requestId);
    if (!request) throw new HTCondorValueError(`no pending token request ${requestId}`);
    await command(address, options, APPROVE_TOKEN_REQUEST, new ClassAd({ RequestId: requestId, ClientId: request.get('ClientId') }));
  }

  /** The pending requests the caller may see (all of them for an administrator). */
  static async pending(location?: ClassAd | string, options: ConnectionOptions = {}, requestId?: string): Promise<ClassAd[]> {
    const address = location === undefined ? undefined : addressOf(location);
    const filter = new ClassAd(requestId === undefined ? {} : { RequestId: requestId });
    const texts = await core().adCommand({ ...daemonRequest(address, options), command: LIST_TOKEN_REQUEST, requestAd: filter.toString(), endMarker: 'Owner' });
    const ads = texts.map((text) => new ClassAd(text));
    checkReply(ads.pop()!);
    return ads;
  }
}

async function command(address: string | undefined, options: ConnectionOptions, number: number, request: ClassAd): Promise<ClassAd> {
  const [text] = await core().adCommand({ ...daemonRequest(address, options), command: number, requestAd: request.toString() });
  return checkReply(new ClassAd(text!));
}

/** A reply with a non-zero ErrorCode is the daemon's refusal: HTCondorIOError with its ErrorString. */
function checkReply(reply: ClassAd): ClassAd {
  const code = reply.get('ErrorCode');
  if (typeof code === 'number' && code !== 0) {
    throw new HTCondorIOError(`${String(reply.get('ErrorString') ?? 'token request failed')} (error code ${code})`);
  }
  return reply;
}

/** HTCondor's rule for the requested identity: a name without a domain gets UID_DOMAIN. */
async function fullIdentity(identity: string): Promise<string> {
  if (identity.includes('@')) return identity;
  const domain = await core().configValue('UID_DOMAIN');
  if (!domain) throw new HTCondorValueError(`the identity "${identity}" has no domain and UID_DOMAIN is not configured`);
  return `${identity || 'condor'}@${domain}`;
}

function randomHex(bytes: number): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, '0')).join('');
}
