// The ads of one query answer behind a single core handle. Making an embind handle per ad
// (an object and a finalizer each) was half of the main thread's work on a 10,000-job answer;
// now a ClassAd of a run gets a handle of its own only when it needs more than get(), and
// until then its ad stays in the run, freed by dispose() or when the ClassAd is collected.
import { engine, type AdHandle, type AdRunHandle } from './engine.js';

interface Slot {
  readonly run: AdRun;
  readonly index: number;
}

// Holds each pending slot's run, so the run lives until every one of its ads has left it.
const collected = new FinalizationRegistry<Slot>(({ run, index }) => run.release(index));

export class AdRun {
  readonly #handle: AdRunHandle;
  /** Ads still in the run: the handle is deleted when the last one leaves. */
  #left: number;

  constructor(handle: AdRunHandle) {
    this.#handle = handle;
    this.#left = handle.size();
    if (this.#left === 0) handle.delete();
  }

  /** Ties ad `index` to `owner`: if the owner is collected while the ad is in the run, it is freed. */
  watch(owner: object, index: number): void {
    collected.register(owner, { run: this, index }, owner);
  }

  /** The typed JSON of a literal attribute of ad `index` (see ClassAdCore.adLiteral). */
  literal(index: number, name: string): string | null | undefined {
    return engine().runLiteral(this.#handle, index, name);
  }

  /** Ad `index` as its own handle; `owner` no longer needs watching. */
  take(owner: object, index: number): AdHandle {
    collected.unregister(owner);
    const handle = this.#handle.take(index)!;
    this.#leave();
    return handle;
  }

  /** Frees ad `index` now (`owner`, if given, no longer needs watching). */
  release(index: number, owner?: object): void {
    if (owner) collected.unregister(owner);
    this.#handle.release(index);
    this.#leave();
  }

  #leave(): void {
    if (--this.#left === 0) this.#handle.delete();
  }
}
