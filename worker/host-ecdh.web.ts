// Browsers have no synchronous ECDH (WebCrypto's is asynchronous): the core's mbedTLS does it.
import type { HostEcdh } from './host-ecdh.js';

export type { HostEcdh } from './host-ecdh.js';

export const hostEcdh: HostEcdh | undefined = undefined;
