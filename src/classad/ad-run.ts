// The ads of one query answer behind a single core handle. Making an embind handle per ad
// (an object and a finalizer each) was half of the main thread's work on a 10,000-job answer;
// now a ClassAd of a run gets a handle of its own only when it needs more than get() or has(), and
// until then its ad stays in the run, freed by dispose() or when the ClassAd is collected.
import { engine, type AdHandle, type AdRunHandle } from './engine.js';

export class AdRun {
  readonly #handle: AdRunHandle;
  /** Which ads have left the run (taken, released or collected): each leaves once. */
  readonly #gone: Uint8Array;
  /** Ads still in the run: the handle is deleted when the last one leaves. */
  #left: number;
  // Releases the ads of ClassAds that were collected. One registry per run, held values its
  // indexes: no allocation and no unregister token per ad. While any ClassAd of the run lives,
  // it holds the run and so this registry; once none does, embind's finalizer of the run's
  // handle frees whatever is left.
  readonly #collected = new FinalizationRegistry<number>((index) => this.release(index));

  constructor(handle: AdRunHandle) {
    this.#handle = handle;
    this.#left = handle.size();
    this.#gone = new Uint8Array(this.#left);
    if (this.#left === 0) handle.delete();
  }

  /** Frees ad `index` if `owner` is collected while the ad is in the run. */
  watch(owner: object, index: number): void {
    this.#collected.register(owner, index);
  }

  /** The typed JSON of a literal attribute of ad `index` (see ClassAdCore.adLiteral). */
  literal(index: number, name: string): string | null | undefined {
    return engine().runLiteral(this.#handle, index, name);
  }

  /** Ad `index` as its own handle. */
  take(index: number): AdHandle {
    const handle = this.#handle.take(index)!;
    this.#leave(index);
    return handle;
  }

  /** Frees ad `index` now; nothing if it has left already. */
  release(index: number): void {
    if (this.#gone[index]) return;
    this.#handle.release(index);
    this.#leave(index);
  }

  #leave(index: number): void {
    this.#gone[index] = 1;
    if (--this.#left === 0) this.#handle.delete();
  }
}
