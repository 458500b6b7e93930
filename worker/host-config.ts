// Node, Deno and Bun: HTCondor's configuration and credentials, found where its own tools
// find them (config-discovery.ts: CONDOR_CONFIG, _CONDOR_* overrides, the tokens directories,
// SEC_PASSWORD_FILE; here: the CA and SciToken files, the user).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { HTCondorIOError, HTCondorValueError } from '../src/errors.js';
import { discoverConfiguration, type ConfigCore } from './config-discovery.js';
import { ask } from './config-files.js';

export interface HostConfiguration {
  /** A configuration value with its macros expanded; undefined when it is not set. */
  lookup(name: string): string | undefined;
  /** IDTOKENS tokens from the tokens directories. */
  tokens(): readonly string[];
  /** A file's text (a CA file, a token file), or undefined where there is none. */
  readFile(file: string): string | undefined;
  /** The SciToken HTCondor's tools would use: `file` (SCITOKENS_FILE), else the bearer-token discovery. */
  scitoken(file: string | undefined): string | undefined;
  /** The pool password (SEC_PASSWORD_FILE). */
  poolPassword(): string | undefined;
  /** The local user, for CLAIMTOBE. */
  readonly userName?: string;
  readonly pid: number;
}

/** Read once, on the first call that needs it; a malformed configuration fails that call with HTCondorValueError. */
export function hostConfiguration(core: ConfigCore): HostConfiguration {
  const env = process.env;
  const user = ask(() => os.userInfo().username, undefined);
  const discovered = discoverConfiguration(core);
  const poolPassword = discovered.poolPassword && new TextDecoder().decode(discovered.poolPassword);
  const uid = ask(() => process.getuid?.(), undefined);
  // The table does not change once read, and every operation asks a dozen names of it.
  const values = new Map<string, string | undefined>();
  const lookup = (name: string): string | undefined => {
    if (!values.has(name)) values.set(name, discovered.lookup(name));
    return values.get(name);
  };
  return {
    lookup,
    tokens: () => discovered.tokens,
    poolPassword: () => poolPassword,
    readFile,
    scitoken: (file) => discoverBearerToken(file, env, uid),
    ...(user !== undefined && { userName: user }),
    pid: process.pid,
  };
}

/**
 * Token.write: `name` (a plain file name) in SEC_TOKEN_DIRECTORY or ~/.condor/tokens.d, made
 * with mode 0700, the file with 0600, as HTCondor's write_out_token does.
 */
export function writeToken(config: HostConfiguration, name: string, token: string): string {
  if (name === '' || name !== path.basename(name) || name === '.' || name === '..')
    throw new HTCondorValueError(`token name "${name}" is not a plain file name`);
  const directory = config.lookup('SEC_TOKEN_DIRECTORY') ?? path.join(os.homedir(), '.condor', 'tokens.d');
  try {
    fs.mkdirSync(directory, { recursive: true, mode: 0o700 });
    const file = path.join(directory, name);
    fs.writeFileSync(file, `${token}\n`, { mode: 0o600 });
    return file;
  } catch (error) {
    throw new HTCondorIOError(`cannot write the token to ${directory}: ${(error as Error).message}`, { cause: error });
  }
}

function readFile(file: string): string | undefined {
  // Most operations look for bearer-token files that are not there: asking first is ~20x
  // cheaper than the error readFileSync throws, with its stack trace.
  if (!fs.existsSync(file)) return undefined;
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** WLCG bearer-token discovery, as HTCondor's SCITOKENS client does it. */
function discoverBearerToken(file: string | undefined, env: NodeJS.ProcessEnv, uid: number | undefined): string | undefined {
  const firstLine = (text: string | undefined) => text?.split('\n').map((l) => l.trim()).find((l) => l !== '');
  if (file) return firstLine(readFile(file));
  if (env['BEARER_TOKEN']) return env['BEARER_TOKEN'].trim();
  if (env['BEARER_TOKEN_FILE']) return firstLine(readFile(env['BEARER_TOKEN_FILE']));
  if (uid === undefined) return undefined;
  if (env['XDG_RUNTIME_DIR']) {
    const token = firstLine(readFile(path.join(env['XDG_RUNTIME_DIR'], `bt_u${uid}`)));
    if (token) return token;
  }
  return firstLine(readFile(`/tmp/bt_u${uid}`));
}
