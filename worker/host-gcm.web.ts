// Browsers have no synchronous AES-GCM (WebCrypto's is asynchronous): the core's mbedTLS does it.
import type { HostGcm } from './host-gcm.js';

export type { HostGcm } from './host-gcm.js';

export const hostGcm: HostGcm | undefined = undefined;
