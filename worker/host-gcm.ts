// AES-256-GCM for the core from node:crypto (OpenSSL in Node, BoringSSL in Bun, Deno's own),
// synchronous and hardware-accelerated; the core falls back to its mbedTLS where this declines.
// Answers 0 (done), 1 (the tag does not authenticate), -1 (declined: the runtime cannot).
import { createCipheriv, createDecipheriv } from 'node:crypto';

export type HostGcm = (
  seal: boolean,
  key: Uint8Array,
  iv: Uint8Array,
  aad: Uint8Array,
  input: Uint8Array,
  out: Uint8Array,
  tag: Uint8Array,
) => number;

// A runtime that throws once (no AES-256-GCM, or not with HTCondor's 16-byte IVs) is not asked again.
let declined = false;

export const hostGcm: HostGcm | undefined = (seal, key, iv, aad, input, out, tag) => {
  if (declined) return -1;
  let result: Buffer;
  try {
    if (seal) {
      const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: 16 }).setAAD(aad);
      result = Buffer.concat([cipher.update(input), cipher.final()]);
      tag.set(cipher.getAuthTag());
    } else {
      const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: 16 }).setAAD(aad).setAuthTag(tag);
      result = decipher.update(input);
      try {
        decipher.final();
      } catch {
        return 1;
      }
    }
  } catch {
    declined = true;
    return -1;
  }
  out.set(result);
  return 0;
};
