// Vitest global setup: the real test pool (scripts/pool.sh) for the whole run. It refuses to
// start when port 9618 is taken, so tests never touch a pool they did not start.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { TestProject } from 'vitest/node';

export interface PoolInfo {
  /** host:port of the collector (behind the shared port). */
  readonly collector: string;
  readonly host: string;
  readonly port: number;
  /** The non-root test user and the identity its token names. */
  readonly user: string;
  readonly identity: string;
  /** Absolute path of the IDTOKENS token file for the test user. */
  readonly tokenFile: string;
  /** The pool password (also the IDTOKENS signing key), for PASSWORD authentication. */
  readonly poolPassword: string;
  /** Absolute path of the CA certificate the pool's host certificate is signed with. */
  readonly sslCaFile: string;
  /** Absolute path, from outside the root, of the test user's home inside it (where its jobs' files are). */
  readonly userHome: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    pool: PoolInfo;
  }
}

const projectDir = path.resolve(import.meta.dirname, '../..');
const poolScript = path.join(projectDir, 'scripts/pool.sh');

// TEST_REUSE_POOL=1 runs against a pool that is already up (started with scripts/pool.sh) and
// leaves it running: for quick runs during development.
const reuse = process.env['TEST_REUSE_POOL'] === '1';

export default function setup(project: TestProject): () => void {
  if (!reuse) execFileSync(poolScript, ['start'], { stdio: 'inherit' });
  const env = Object.fromEntries(
    readFileSync(path.join(projectDir, '.cache/pool/pool.env'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]),
  );
  const [host, port] = env['COLLECTOR_HOST']!.split(':') as [string, string];
  project.provide('pool', {
    collector: env['COLLECTOR_HOST']!,
    host,
    port: Number(port),
    user: env['TEST_USER']!,
    identity: env['TEST_IDENTITY']!,
    tokenFile: path.join(projectDir, env['TOKEN_FILE']!),
    poolPassword: env['POOL_PASSWORD']!,
    sslCaFile: path.join(projectDir, env['SSL_CA_FILE']!),
    userHome: path.join(projectDir, env['USER_HOME']!),
  });
  return () => {
    if (!reuse) execFileSync(poolScript, ['stop'], { stdio: 'inherit' });
  };
}
