// Where a job event log's bytes come from. A source hands out the bytes after those it gave
// before; when it has none, it waits up to `waitMs` for more (0: only what is there now;
// Infinity: until some arrive). null: nothing more now, or ever for a source that cannot grow.
import { HTCondorIOError } from '../../errors.js';

export interface ByteSource {
  /** For messages: the path, URL or kind of source. */
  readonly name: string;
  read(waitMs: number, signal?: AbortSignal): Promise<Uint8Array | null>;
  close(): Promise<void>;
}

/** How often a growing file or URL is looked at again while following it. */
export const POLL_MS = { file: 100, url: 1000 };

export const TIMEOUT = Symbol('timeout');

/** `promise`'s outcome, or TIMEOUT after `ms` (never when Infinity); rejects with the signal's reason when it aborts first. */
export function within<T>(promise: Promise<T>, ms: number, signal?: AbortSignal): Promise<T | typeof TIMEOUT> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      settle();
    };
    const onAbort = () => finish(() => reject(signal!.reason));
    const timer = Number.isFinite(ms) ? setTimeout(() => finish(() => resolve(TIMEOUT)), ms) : undefined;
    signal?.addEventListener('abort', onAbort, { once: true });
    promise.then((value) => finish(() => resolve(value)), (error: unknown) => finish(() => reject(error)));
  });
}

/** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
export async function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  await within(new Promise<never>(() => {}), ms, signal);
}

/** Bytes, a Blob or a File in hand: everything there is, at once. */
export class FixedSource implements ByteSource {
  private data: Blob | Uint8Array | undefined;

  constructor(data: Blob | Uint8Array, offset: number, readonly name: string) {
    this.data = data.slice(offset);
  }

  async read(): Promise<Uint8Array | null> {
    const data = this.data;
    this.data = undefined;
    if (data === undefined) return null;
    return data instanceof Uint8Array ? data : new Uint8Array(await data.arrayBuffer());
  }

  async close(): Promise<void> {
    this.data = undefined;
  }
}

/** A ReadableStream or async iterable of chunks: what arrives, as it arrives. */
export class StreamSource implements ByteSource {
  private readonly chunks: AsyncIterator<Uint8Array>;
  private pending: Promise<IteratorResult<Uint8Array>> | undefined;
  private ended = false;
  readonly name = 'stream';

  constructor(stream: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>) {
    this.chunks = Symbol.asyncIterator in stream ? stream[Symbol.asyncIterator]() : readerIterator(stream);
  }

  async read(waitMs: number, signal?: AbortSignal): Promise<Uint8Array | null> {
    if (this.ended) return null;
    this.pending ??= this.chunks.next();
    // Even with no wait, a chunk the stream already holds arrives before the timer fires.
    const waited = await within(this.pending, waitMs, signal);
    if (waited === TIMEOUT) return null;
    this.pending = undefined;
    if (waited.done) {
      this.ended = true;
      return null;
    }
    return waited.value;
  }

  async close(): Promise<void> {
    this.ended = true;
    await this.chunks.return?.();
  }
}

function readerIterator(stream: ReadableStream<Uint8Array>): AsyncIterator<Uint8Array> {
  const reader = stream.getReader();
  return {
    next: () => reader.read() as Promise<IteratorResult<Uint8Array>>,
    return: async () => {
      await reader.cancel();
      return { done: true, value: undefined };
    },
  };
}

/** A log served over HTTP(S): read with Range requests from where reading stopped, and polled while following. */
export class UrlSource implements ByteSource {
  readonly name: string;

  constructor(private readonly url: URL, private position: number) {
    this.name = url.href;
  }

  async read(waitMs: number, signal?: AbortSignal): Promise<Uint8Array | null> {
    const deadline = Date.now() + waitMs;
    for (;;) {
      const bytes = await this.fetchMore(signal);
      if (bytes) return bytes;
      const left = deadline - Date.now();
      if (left <= 0) return null;
      await sleep(Math.min(left, POLL_MS.url), signal);
    }
  }

  private async fetchMore(signal?: AbortSignal): Promise<Uint8Array | null> {
    const response = await fetch(this.url, { headers: { Range: `bytes=${this.position}-` }, signal: signal ?? null, cache: 'no-store' });
    if (response.status === 416) return null;  // nothing past the position yet
    if (!response.ok) throw new HTCondorIOError(`cannot read the event log ${this.name}: HTTP ${response.status} ${response.statusText}`);
    let bytes = new Uint8Array(await response.arrayBuffer());
    // A server without ranges sends the whole file.
    if (response.status === 200) bytes = bytes.subarray(this.position);
    this.position += bytes.length;
    return bytes.length > 0 ? bytes : null;
  }

  async close(): Promise<void> {}
}
