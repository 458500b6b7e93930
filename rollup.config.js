// Bundles the tsc output (build/ts) into dist/: one self-contained bundle per entry and
// platform, so each entry has its own core instance.
//   dist/browser/  index, inthread, worker           for browsers (Web Workers)
//   dist/runtime/  index, inthread, worker, proxy    for Node, Deno and Bun (worker_threads)
// The WASM core (dist/core/, from CMake) stays a separate file the bundles import.
import { nodeResolve } from '@rollup/plugin-node-resolve';

// Per platform, `foo.js` resolves to `foo.web.js` where one exists, and the core module is
// left external, imported from dist/core/.
function platform(web) {
  return {
    name: 'htcondor-wasm-platform',
    async resolveId(source, importer, options) {
      if (source.endsWith('/htcondor-core.mjs')) return { id: '../core/htcondor-core.mjs', external: 'absolute' };
      if (!web || !importer || !source.startsWith('.')) return null;
      const variant = await this.resolve(source.replace(/\.js$/, '.web.js'), importer, { ...options, skipSelf: true });
      return variant && !variant.external ? variant : null;
    },
  };
}

function bundle(platformName, name, input, { web = false, banner } = {}) {
  return {
    input: `build/ts/${input}`,
    output: { file: `dist/${platformName}/${name}.js`, format: 'es', sourcemap: true, banner },
    external: (id) => id.startsWith('node:') || id === 'ws',
    plugins: [platform(web), nodeResolve({ browser: web, exportConditions: web ? ['browser'] : ['node'] })],
    onwarn(warning, warn) {
      if (warning.code === 'CIRCULAR_DEPENDENCY') throw new Error(warning.message);
      warn(warning);
    },
  };
}

export default [
  bundle('browser', 'index', 'src/index.js', { web: true }),
  bundle('browser', 'inthread', 'src/inthread.js', { web: true }),
  bundle('browser', 'worker', 'worker/worker-entry.web.js', { web: true }),
  bundle('runtime', 'index', 'src/index.js'),
  bundle('runtime', 'inthread', 'src/inthread.js'),
  bundle('runtime', 'worker', 'worker/worker-entry.js'),
  bundle('runtime', 'proxy', 'proxy/index.js'),
  bundle('runtime', 'proxy-cli', 'proxy/cli.js', { banner: '#!/usr/bin/env node' }),
];
