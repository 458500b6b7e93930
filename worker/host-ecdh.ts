// ECDH on P-256 for the core from node:crypto (OpenSSL in Node, BoringSSL in Bun, Deno's own),
// synchronous and native; the core falls back to its mbedTLS where this declines. Keys are raw:
// the 32-byte big-endian private scalar and the 65-byte uncompressed public point.
// Answers 0 (done), 1 (the peer's point is not on the curve), -1 (declined: the runtime cannot).
import { createECDH, timingSafeEqual, type ECDH } from 'node:crypto';

export interface HostEcdh {
  generate(privateKey: Uint8Array, publicKey: Uint8Array): number;
  agree(privateKey: Uint8Array, peer: Uint8Array, secret: Uint8Array): number;
}

const CURVE = 'prime256v1';

// A runtime that throws once where it should not (no P-256) is not asked again.
let declined = false;

// One ECDH object, made once: making one (the curve's setup) cost more than a key pair, and a
// handshake needs two. It holds the last key it made or was given, so agreeing with the key a
// handshake just made skips setPrivateKey (which derives the public point again). Calls are
// synchronous on the core's one thread, so the object is never shared mid-use.
let ecdh: ECDH | undefined;
let held: Uint8Array | undefined;

// Big-endian numbers may come back without their leading zero bytes.
function setPadded(to: Uint8Array, from: Uint8Array): boolean {
  if (from.length > to.length) return false;
  to.fill(0, 0, to.length - from.length);
  to.set(from, to.length - from.length);
  return true;
}

export const hostEcdh: HostEcdh | undefined = {
  generate(privateKey, publicKey) {
    if (declined) return -1;
    try {
      ecdh ??= createECDH(CURVE);
      if (setPadded(publicKey, ecdh.generateKeys()) && setPadded(privateKey, ecdh.getPrivateKey())) {
        held = privateKey.slice();
        return 0;
      }
    } catch {
      // fall through
    }
    declined = true;
    return -1;
  },
  agree(privateKey, peer, secret) {
    if (declined) return -1;
    try {
      ecdh ??= createECDH(CURVE);
      if (!held || held.length !== privateKey.length || !timingSafeEqual(held, privateKey)) {
        held = undefined;
        ecdh.setPrivateKey(privateKey);
        held = privateKey.slice();
      }
    } catch {
      declined = true;
      return -1;
    }
    try {
      return setPadded(secret, ecdh.computeSecret(peer)) ? 0 : 1;
    } catch {
      return 1;
    }
  },
};
