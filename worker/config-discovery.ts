// Node, Deno and Bun: HTCondor's configuration and credentials, found where HTCondor's own
// tools find them, read by the WASM core (wasm/config/):
//   CONDOR_CONFIG (a file, or ONLY_ENV), else /etc/condor/condor_config,
//   /usr/local/etc/condor_config, ~condor/condor_config; then LOCAL_CONFIG_DIR and
//   LOCAL_CONFIG_FILE, the user's ~/.condor/user_config (not for root), _CONDOR_<NAME>
//   environment overrides; IDTOKENS from SEC_TOKEN_DIRECTORY or ~/.condor/tokens.d (for root
//   SEC_TOKEN_SYSTEM_DIRECTORY); the pool password from SEC_PASSWORD_FILE where readable.
// Browsers have none of this: there the settings are given in code (SecMan, Collector).
import { HTCondorValueError } from '../src/errors.js';
import {
  type ConfigFileAccess,
  type DirectoryEntry,
  type ProcessFacts,
  nodeFileAccess,
  processFacts,
} from './config-files.js';

/** The core's configuration handle (config_bindings.cpp). Call delete() when done with it. */
export interface CoreConfig {
  lookup(name: string): { value: string | null } | { error: string };
  raw(name: string): string | null;
  expand(text: string): { value: string } | { error: string };
  set(name: string, value: string): { error?: string };
  entries(): { name: string; value: string; source: string; line: number }[];
  uses(): { category: string; options: string; source: string; line: number }[];
  sources(): string[];
  warnings(): string[];
  delete(): void;
}

interface CoreHost extends ConfigFileAccess {
  environment: [string, string][];
  process: ProcessFacts;
  subsystem?: string;
}

/** The part of the core module this file uses. */
export interface ConfigCore {
  loadConfig(host: CoreHost): { config: CoreConfig } | { error: string };
  discoverCredentials(
    config: CoreConfig,
    host: CoreHost,
  ): { tokenDirectory: string; tokens: string[]; tokenFiles: string[]; poolPassword?: Uint8Array } | { error: string };
}

export interface DiscoveryOptions {
  /** The environment (default: process.env). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** A directory standing for "/", to read another system's files (tests, tools). */
  readonly root?: string;
  /** Act as this user (name or uid in the passwd file) instead of the process's own. */
  readonly user?: string | number;
  /** The host name (default: os.hostname()). */
  readonly hostname?: string;
  /** The HTCondor subsystem whose SUBSYS.NAME settings apply (default TOOL). */
  readonly subsystem?: string;
  /** File access other than node:fs. */
  readonly files?: ConfigFileAccess;
}

export interface DiscoveredConfiguration {
  /** The table as the core holds it, for further lookups; delete() frees it. */
  readonly config: CoreConfig;
  /** param(): the value with its $(...) references expanded; undefined when unset or empty. */
  lookup(name: string): string | undefined;
  /** IDTOKENS tokens in the order HTCondor tries them, and where they came from. */
  readonly tokens: readonly string[];
  readonly tokenFiles: readonly string[];
  readonly tokenDirectory: string;
  /** The pool password (SEC_PASSWORD_FILE, unscrambled), where it is readable. */
  readonly poolPassword?: Uint8Array;
  /** The configuration files read, in order. */
  readonly sources: readonly string[];
  /** What HTCondor would print while reading (e.g. no configuration file found). */
  readonly warnings: readonly string[];
}

/** Reads the configuration and finds the credentials, as an HTCondor tool does at start-up. */
export function discoverConfiguration(core: ConfigCore, options: DiscoveryOptions = {}): DiscoveredConfiguration {
  const root = options.root !== undefined ? { root: options.root } : {};
  const facts = processFacts({
    ...root,
    ...(options.user !== undefined && { user: options.user }),
    ...(options.hostname !== undefined && { hostname: options.hostname }),
  });
  // Secret files must belong to the user we act as (by default the process's real uid).
  const files = options.files ?? nodeFileAccess({ ...root, ...(options.user !== undefined && { uid: facts.uid }) });
  const host: CoreHost = {
    readFile: (f) => files.readFile(f),
    readSecureFile: (f) => files.readSecureFile(f),
    listDirectory: (d): DirectoryEntry[] | undefined => files.listDirectory(d),
    environment: environmentPairs(options.env ?? process.env),
    process: facts,
    ...(options.subsystem !== undefined && { subsystem: options.subsystem }),
  };
  const loaded = core.loadConfig(host);
  if ('error' in loaded) throw new HTCondorValueError(`HTCondor configuration: ${loaded.error}`);
  const config = loaded.config;
  const credentials = core.discoverCredentials(config, host);
  if ('error' in credentials) {
    config.delete();
    throw new HTCondorValueError(`HTCondor configuration: ${credentials.error}`);
  }
  return {
    config,
    lookup: (name) => lookupIn(config, name),
    tokens: credentials.tokens,
    tokenFiles: credentials.tokenFiles,
    tokenDirectory: credentials.tokenDirectory,
    ...(credentials.poolPassword !== undefined && { poolPassword: credentials.poolPassword }),
    sources: config.sources(),
    warnings: config.warnings(),
  };
}

/** param() on a configuration handle: expanded, undefined when unset or empty. */
function lookupIn(config: CoreConfig, name: string): string | undefined {
  const r = config.lookup(name);
  if ('error' in r) throw new HTCondorValueError(`HTCondor configuration: ${r.error}`);
  return r.value ?? undefined;
}

function environmentPairs(env: Readonly<Record<string, string | undefined>>): [string, string][] {
  return Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined);
}
