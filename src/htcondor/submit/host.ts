// Node, Deno and Bun: the facts condor_submit would find, found the same way: the working
// directory, the process's environment and user, the filesystem (under the `files` map), and
// HTCondor's configuration (read once per process, as a tool reads it at start-up).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { discoverConfiguration, type ConfigCore, type DiscoveredConfiguration } from '../../../worker/config-discovery.js';
import { ask, nodeFileAccess } from '../../../worker/config-files.js';
import { engine } from '../../classad/engine.js';
import type { SubmitHost } from './core.js';
import { fileMap } from './file-map.js';
import type { SubmitOptions } from './options.js';

let hostConfig: DiscoveredConfiguration | null | undefined;

// A host without HTCondor (or with a configuration that does not read) submits with the
// built-in defaults, as condor_submit would with an empty configuration.
function configured(): DiscoveredConfiguration | null {
  if (hostConfig === undefined) {
    try {
      hostConfig = discoverConfiguration(engine() as unknown as ConfigCore);
    } catch {
      hostConfig = null;
    }
  }
  return hostConfig;
}

const archNames: Record<string, string> = { x64: 'X86_64', arm64: 'aarch64', ppc64: 'ppc64le', ia32: 'INTEL' };
const opsysNames: Record<string, string> = { linux: 'LINUX', darwin: 'OSX', win32: 'WINDOWS', freebsd: 'FREEBSD' };

const withEuid = (euid: number | undefined) => (euid === undefined ? {} : { euid });

export function submitHost(options: SubmitOptions): SubmitHost {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const at = (file: string) => path.resolve(cwd, file);
  const stat = (file: string) => ask(() => fs.statSync(at(file)), undefined);
  const files = nodeFileAccess();
  const disk = {
    readFile: (file: string) => files.readFile(at(file)),
    listDirectory: (dir: string) => files.listDirectory(at(dir)),
    fileSize: (file: string) => {
      const st = stat(file);
      return st?.isFile() ? st.size : undefined;
    },
    isDirectory: (file: string) => stat(file)?.isDirectory() ?? false,
  };
  const config = options.config;
  return {
    ...fileMap(cwd, options.files ?? {}, disk),
    environment: Object.entries(options.environment ?? process.env).filter((e): e is [string, string] => e[1] !== undefined),
    cwd,
    submitFile: options.submitFile ?? null,
    user: options.user ?? ask(() => os.userInfo().username, ''),
    // Deno asks for --allow-sys first: without it, no default proxy file.
    ...withEuid(ask(() => process.geteuid?.(), undefined)),
    arch: options.arch ?? archNames[process.arch] ?? process.arch.toUpperCase(),
    opsys: options.opsys ?? opsysNames[process.platform] ?? process.platform.toUpperCase(),
    param: (name) => (config ? config[name] : configured()?.lookup(name)),
    // condor_submit runs an included command with the shell, in the submit directory.
    runCommand: (command, dir) => ask(() => execFileSync('/bin/sh', ['-c', command], { cwd: dir, stdio: ['ignore', 'pipe', 'ignore'] }), undefined),
  };
}
