import { engine } from './engine.js';

/**
 * Bytes of WebAssembly memory the ClassAd engine holds (not in Python's API). WebAssembly
 * memory only grows, so a value that keeps rising while ads come and go points to a leak.
 */
export function engineMemoryBytes(): number {
  return (engine() as unknown as { HEAPU8: Uint8Array }).HEAPU8.byteLength;
}
