// WASM handles are freed deterministically by dispose() / `using`, and otherwise when their
// JS owner is garbage-collected, so dropped objects never leak core memory.
import type { Handle } from './engine.js';

const registry = new FinalizationRegistry<Handle>((handle) => {
  if (!handle.isDeleted()) handle.delete();
});

export abstract class Owned<H extends Handle> {
  private handle_: H | undefined;

  protected constructor(handle: H) {
    this.handle_ = handle;
    registry.register(this, handle, this);
  }

  /** @internal Gives an object made without its constructor (Object.create) its handle. */
  static adopt<H extends Handle>(owner: Owned<H>, handle: H): void {
    owner.handle_ = handle;
    registry.register(owner, handle, owner);
  }

  /** The live handle; throws once disposed. */
  protected get handle(): H {
    if (!this.handle_) throw new ReferenceError(`${this.constructor.name} used after dispose()`);
    return this.handle_;
  }

  /** Frees the core memory now. Further use throws. */
  dispose(): void {
    if (!this.handle_) return;
    registry.unregister(this);
    this.handle_.delete();
    this.handle_ = undefined;
  }

  [Symbol.dispose](): void {
    this.dispose();
  }
}
