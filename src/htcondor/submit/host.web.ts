// Browsers: no filesystem, environment or configuration; the description's files come from the
// `files` option and the facts from the other options.
import type { SubmitHost } from './core.js';
import { fileMap } from './file-map.js';
import type { SubmitOptions } from './options.js';

export function submitHost(options: SubmitOptions): SubmitHost {
  const cwd = options.cwd ?? '/';
  const config = options.config ?? {};
  return {
    ...fileMap(cwd, options.files ?? {}),
    environment: Object.entries(options.environment ?? {}).filter((e): e is [string, string] => e[1] !== undefined),
    cwd,
    submitFile: options.submitFile ?? null,
    user: options.user ?? '',
    arch: options.arch ?? 'X86_64',
    opsys: options.opsys ?? 'LINUX',
    param: (name) => config[name],
  };
}
