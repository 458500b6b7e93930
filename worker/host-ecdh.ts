// ECDH on P-256 for the core from node:crypto (OpenSSL in Node, BoringSSL in Bun, Deno's own),
// synchronous and native; the core falls back to its mbedTLS where this declines. Keys are raw:
// the 32-byte big-endian private scalar and the 65-byte uncompressed public point.
// Answers 0 (done), 1 (the peer's point is not on the curve), -1 (declined: the runtime cannot).
import { createECDH } from 'node:crypto';

export interface HostEcdh {
  generate(privateKey: Uint8Array, publicKey: Uint8Array): number;
  agree(privateKey: Uint8Array, peer: Uint8Array, secret: Uint8Array): number;
}

const CURVE = 'prime256v1';

// A runtime that throws once where it should not (no P-256) is not asked again.
let declined = false;

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
      const ecdh = createECDH(CURVE);
      if (setPadded(publicKey, ecdh.generateKeys()) && setPadded(privateKey, ecdh.getPrivateKey())) return 0;
    } catch {
      // fall through
    }
    declined = true;
    return -1;
  },
  agree(privateKey, peer, secret) {
    if (declined) return -1;
    let ecdh;
    try {
      ecdh = createECDH(CURVE);
      ecdh.setPrivateKey(privateKey);
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
