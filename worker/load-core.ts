// The emscripten ES module of the C++ core. The build copies it to dist/core/, beside the
// bundles' folders; it finds its .wasm next to itself.
import createCoreModule, { type MainModule } from '../build/wasm/htcondor-core.mjs';
import { hostEcdh } from './host-ecdh.js';
import { hostGcm } from './host-gcm.js';

export type CoreModule = MainModule;

export async function loadCore(): Promise<CoreModule> {
  const core = await createCoreModule();
  // Read by the core's security/host_gcm.cpp on every AES-GCM packet, and host_ecdh.cpp on
  // every new session.
  return Object.assign(core, { hostEcdh, hostGcm });
}
