// The emscripten ES module of the C++ core. The build copies it to dist/core/, beside the
// bundles' folders; it finds its .wasm next to itself.
import createCoreModule, { type MainModule } from '../build/wasm/htcondor-core.mjs';

export type CoreModule = MainModule;

export function loadCore(): Promise<CoreModule> {
  return createCoreModule();
}
