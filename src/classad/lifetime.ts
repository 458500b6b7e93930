// WASM handles are freed deterministically by dispose() / `using`, and otherwise when they are
// garbage-collected: every handle is a shared_ptr one, which embind registers with its own
// FinalizationRegistry, so dropped objects never leak core memory and need no registry here
// (the ads of a query's answer share one handle until they need their own: ad-run.ts).
import type { Handle } from './engine.js';

export abstract class Owned<H extends Handle> {
  private handle_: H | undefined;

  protected constructor(handle: H) {
    this.handle_ = handle;
  }

  /** @internal Gives an object made without its constructor (Object.create) its handle. */
  static adopt<H extends Handle>(owner: Owned<H>, handle: H): void {
    owner.handle_ = handle;
  }

  /** The live handle; throws once disposed. */
  protected get handle(): H {
    if (!this.handle_) throw new ReferenceError(`${this.constructor.name} used after dispose()`);
    return this.handle_;
  }

  /** Frees the core memory now. Further use throws. */
  dispose(): void {
    if (!this.handle_) return;
    this.handle_.delete();
    this.handle_ = undefined;
  }

  [Symbol.dispose](): void {
    this.dispose();
  }
}
