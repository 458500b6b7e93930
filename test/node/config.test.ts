// HTCondor configuration and credential discovery (worker/config-discovery.ts over the WASM
// core's wasm/config/), compared with what HTCondor's own condor_config_val and
// condor_token_list print in the test pool's Debian root, on the same files.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { type ConfigCore, type DiscoveredConfiguration, discoverConfiguration } from '../../worker/config-discovery.js';

const pool = inject('pool');
const projectDir = path.resolve(import.meta.dirname, '../..');
const suite = process.env['CONDOR_SUITE'] ?? 'trixie';
const rootDir = path.join(projectDir, `.cache/root-${suite}`);
const inRoot = path.join(projectDir, 'scripts/in-root.sh');

// HTCONDOR_CORE_MODULE points the test at another build of the core (default: dist/core).
const coreModule = process.env['HTCONDOR_CORE_MODULE'] ?? '../../dist/core/htcondor-core.mjs';
const { default: createCoreModule } = (await import(coreModule)) as { default: () => Promise<unknown> };
const core = (await createCoreModule()) as ConfigCore;

const undefinedMark = '<undefined>';

/**
 * What `condor_config_val NAME` prints in the root for each name (undefinedMark where it says
 * "Not defined"), with `condor_config_val -raw NAME` beside it. `env` is set for the tools.
 */
function condorConfigVal(names: string[], options: { env?: Record<string, string>; user?: string } = {}) {
  const script =
    'for n in "$@"; do condor_config_val "$n" 2>/dev/null || echo "' + undefinedMark + '"; printf "\\036\\n";' +
    ' condor_config_val -raw "$n" 2>/dev/null || echo "' + undefinedMark + '"; printf "\\036\\n"; done';
  const envArgs = Object.entries(options.env ?? {}).map(([k, v]) => `${k}=${v}`);
  const out = execFileSync(
    inRoot,
    [...(options.user ? ['--user', options.user] : []), 'env', ...envArgs, 'sh', '-c', script, 'sh', ...names],
    { encoding: 'utf8', env: { ...process.env, ROOT_SUITE: suite } },
  );
  const fields = out.split('\x1e\n');
  const result = new Map<string, { value: string; raw: string }>();
  names.forEach((name, i) => {
    const value = fields[2 * i]!.replace(/\n$/, '');
    const raw = fields[2 * i + 1]!.replace(/\n$/, '');
    result.set(name, { value, raw });
  });
  return result;
}

const ours = (d: DiscoveredConfiguration, name: string) => d.lookup(name) ?? undefinedMark;

// Names our reader must answer exactly as HTCondor does in the pool: set by plain assignments
// in the shipped files, by the small defaults list the reader carries, or detected.
const mustMatch = [
  'COLLECTOR_HOST', 'CONDOR_HOST', 'LOCAL_DIR', 'LOG', 'SPOOL', 'RUN', 'LOCK', 'EXECUTE', 'ETC', 'BIN', 'SBIN', 'LIB',
  'RELEASE_DIR', 'SEC_TOKEN_DIRECTORY', 'SEC_TOKEN_SYSTEM_DIRECTORY', 'SEC_PASSWORD_FILE', 'SEC_PASSWORD_DIRECTORY',
  'UID_DOMAIN', 'TRUST_DOMAIN', 'FILESYSTEM_DOMAIN', 'FULL_HOSTNAME', 'HOSTNAME', 'TILDE', 'USERNAME', 'CONFIG_ROOT',
  'SUBSYSTEM', 'LOCALNAME', 'CondorIsAdmin', 'LOCAL_CONFIG_DIR', 'LOCAL_CONFIG_FILE', 'REQUIRE_LOCAL_CONFIG_FILE',
  'LOCAL_CONFIG_DIR_EXCLUDE_REGEXP', 'USER_CONFIG_FILE', 'NETWORK_INTERFACE', 'ALLOW_DAEMON', 'ALLOW_ADMINISTRATOR',
  'SEC_DEFAULT_AUTHENTICATION', 'SEC_DEFAULT_INTEGRITY', 'UPDATE_INTERVAL', 'MOUNT_UNDER_SCRATCH',
];

describe('the test pool configuration, read as root', () => {
  let d: DiscoveredConfiguration;
  beforeAll(() => {
    d = discoverConfiguration(core, { root: rootDir, env: {} });
  });
  afterAll(() => d.config.delete());

  it('reads the files HTCondor reads, in its order', () => {
    expect(d.sources[0]).toBe('/etc/condor/condor_config');
    expect(d.sources).toEqual(['/etc/condor/condor_config', ...fs.readdirSync(path.join(rootDir, 'etc/condor/config.d')).sort().map((f) => `/etc/condor/config.d/${f}`)]);
    expect(d.warnings).toEqual([]);
  });

  it('answers the main names as condor_config_val does', () => {
    const theirs = condorConfigVal(mustMatch);
    for (const name of mustMatch) expect.soft(ours(d, name), name).toBe(theirs.get(name)!.value);
  });

  it('answers every name the shipped files assign as condor_config_val does', () => {
    const names = [...new Set(d.config.entries().filter((e) => e.source.startsWith('/')).map((e) => e.name))];
    const theirs = condorConfigVal(names);
    const compared: string[] = [];
    for (const name of names) {
      const t = theirs.get(name)!;
      // A definition that refers to its own earlier value ("X = $(X), more") takes that value when
      // it is read; where the earlier value came from a metaknob ("use security:..."), which this
      // reader records but does not expand yet, the stored text differs from HTCondor's. Those
      // names are left out here (the pool's SEC_DEFAULT_AUTHENTICATION_METHODS is one).
      if (t.raw !== (d.config.raw(name) ?? undefinedMark)) continue;
      expect.soft(ours(d, name), name).toBe(t.value);
      compared.push(name);
    }
    expect(compared.length).toBeGreaterThan(30);
    expect(compared).toEqual(expect.arrayContaining(['CONDOR_HOST', 'LOCAL_DIR', 'LOG', 'SPOOL', 'NETWORK_INTERFACE']));
  });

  it('records metaknob uses without expanding them: what they define is missing', () => {
    expect(d.config.uses().map((u) => `${u.category}:${u.options}`.replace(/\s+/g, ''))).toEqual(
      expect.arrayContaining(['ROLE:CentralManager', 'ROLE:Submit', 'ROLE:Execute']),
    );
    // DAEMON_LIST comes from "use ROLE: ..." (and the defaults table), which come later.
    expect(condorConfigVal(['DAEMON_LIST']).get('DAEMON_LIST')!.value).toMatch(/SCHEDD/);
    expect(d.lookup('DAEMON_LIST')).toBeUndefined();
  });

  it('finds the system token directory and the pool password, as root does', () => {
    expect(d.tokenDirectory).toBe('/etc/condor/tokens.d');
    // scripts/pool.sh stores this signing key as the pool password.
    expect(Buffer.from(d.poolPassword!).toString()).toBe('htcondor-wasm-test-pool-signing-key');
  });
});

describe('the test pool configuration, read as the test user', () => {
  let d: DiscoveredConfiguration;
  beforeAll(() => {
    d = discoverConfiguration(core, { root: rootDir, env: {}, user: pool.user });
  });
  afterAll(() => d.config.delete());

  it('answers user-dependent names as condor_config_val run by that user does', () => {
    const names = ['USERNAME', 'CondorIsAdmin', 'REAL_UID', 'COLLECTOR_HOST', 'UID_DOMAIN', 'SEC_TOKEN_DIRECTORY'];
    const theirs = condorConfigVal(names, { user: pool.user });
    for (const name of names) expect.soft(ours(d, name), name).toBe(theirs.get(name)!.value);
  });

  it("finds the user's token in ~/.condor/tokens.d, and no pool password it may not read", () => {
    expect(d.tokenDirectory).toBe(`/home/${pool.user}/.condor/tokens.d`);
    expect(d.tokens).toEqual([fs.readFileSync(pool.tokenFile, 'utf8').trim()]);
    expect(d.tokenFiles).toEqual([`/home/${pool.user}/.condor/tokens.d/test-pool`]);
    expect(d.poolPassword).toBeUndefined();
  });
});

describe('environment overrides, CONDOR_CONFIG and tokens directories', () => {
  // Under the project (the root sees it at /project), so HTCondor's tools read the same files.
  const work = fs.mkdtempSync(path.join(projectDir, '.cache/config-test-'));
  const inside = (p: string) => path.join('/project', path.relative(projectDir, p));
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  it('lets _CONDOR_<NAME> win over the files, with references and self references', () => {
    const env = {
      _CONDOR_COLLECTOR_HOST: 'elsewhere.example.org:9999',
      _CONDOR_LOG: '$(LOCAL_DIR)/elsewhere',
      _condor_SPOOL: '$(SPOOL)/sub',
      _CONDOR_BRAND_NEW: 'yes $(CONDOR_HOST)',
    };
    const d = discoverConfiguration(core, { root: rootDir, env });
    const names = ['COLLECTOR_HOST', 'LOG', 'SPOOL', 'BRAND_NEW', 'CONDOR_HOST'];
    const theirs = condorConfigVal(names, { env });
    for (const name of names) expect.soft(ours(d, name), name).toBe(theirs.get(name)!.value);
    expect(d.lookup('SPOOL')).toBe('/var/spool/condor/sub');
    d.config.delete();
  });

  it('reads CONDOR_CONFIG with includes, $(NAME) references, conditionals and a config directory', () => {
    fs.mkdirSync(path.join(work, 'config.d'));
    fs.writeFileSync(
      path.join(work, 'main.conf'),
      [
        '# A root configuration of our own.',
        'BASE = /srv/htcondor',
        'include : $(CONFIG_ROOT)/common.conf',
        'LOG = $(BASE)/log',
        'COLLECTOR_HOST = $(CM_NAME):$(CM_PORT:9618)',
        'include ifexist : $(CONFIG_ROOT)/absent.conf',
        'LOCAL_CONFIG_DIR = $(CONFIG_ROOT)/config.d',
        'LIST = a',
        'if defined CM_NAME',
        '  LIST = $(LIST) b',
        'else',
        '  LIST = wrong',
        'endif',
        'if version >= 23.0',
        '  NEW_ENOUGH = true',
        'endif',
        'LONG = one \\',
        '  two \\',
        '# a comment inside, continued \\',
        '  three',
        'MULTI @=end',
        '  first line',
        '  second line',
        '@end',
        'QUOTED = $$(NotConfig) costs $(DOLLAR)5',
        '',
      ].join('\n'),
    );
    fs.writeFileSync(path.join(work, 'common.conf'), 'CM_NAME = cm.example.org\nBASE = $(BASE)/pool\n');
    fs.writeFileSync(path.join(work, 'config.d/10-more'), 'LIST = $(LIST) c\n');
    fs.writeFileSync(path.join(work, 'config.d/20-more.rpmsave'), 'LIST = $(LIST) excluded\n');
    const d = discoverConfiguration(core, { env: { CONDOR_CONFIG: path.join(work, 'main.conf') } });
    const names = ['BASE', 'CM_NAME', 'LOG', 'COLLECTOR_HOST', 'LIST', 'NEW_ENOUGH', 'LONG', 'MULTI', 'QUOTED'];
    const theirs = condorConfigVal(names, { env: { CONDOR_CONFIG: inside(path.join(work, 'main.conf')) } });
    for (const name of names) expect.soft(ours(d, name), name).toBe(theirs.get(name)!.value);
    expect(d.lookup('COLLECTOR_HOST')).toBe('cm.example.org:9618');
    expect(d.lookup('LIST')).toBe('a b c');
    expect(d.lookup('MULTI')).toBe('first line\nsecond line');
    expect(d.sources).toEqual([
      path.join(work, 'main.conf'),
      path.join(work, 'common.conf'),
      path.join(work, 'config.d/10-more'),
    ]);
    d.config.delete();
  });

  it('reports a malformed file with its name and line', () => {
    fs.writeFileSync(path.join(work, 'bad.conf'), 'A = 1\nif version >= 8\nB = 2\nendif\n');
    expect(() => discoverConfiguration(core, { env: { CONDOR_CONFIG: path.join(work, 'bad.conf') } })).toThrow(
      `${path.join(work, 'bad.conf')}, line 2: version >= 8 is not a valid if condition because the version literal is invalid`,
    );
    expect(() => discoverConfiguration(core, { env: { CONDOR_CONFIG: path.join(work, 'missing.conf') } })).toThrow(/cannot be read/);
  });

  it('finds tokens in SEC_TOKEN_DIRECTORY as HTCondor does: secure files, exclusions, its own file first', () => {
    const dir = path.join(work, 'tokens.d');
    fs.mkdirSync(dir, { mode: 0o700 });
    fs.mkdirSync(path.join(dir, 'subdirectory'));
    const token = (identity: string) =>
      execFileSync(inRoot, ['condor_token_create', '-identity', identity, '-key', 'POOL'], {
        encoding: 'utf8',
        env: { ...process.env, ROOT_SUITE: suite },
      }).trim();
    const [a, b, c] = ['a@test', 'b@test', 'c@test'].map(token) as [string, string, string];
    const write = (name: string, text: string, mode = 0o600) => fs.writeFileSync(path.join(dir, name), text, { mode });
    write('20-second', `# a comment\n\n  ${b}  \n`);
    write('10-first', `${a}\n`);
    write('TOOL_auto_generated_token', `${c}\n`);
    write('30-readable-by-others', `${a}\n`, 0o644);
    write('40-backup~', `${b}\n`);
    write('subdirectory/inner', `${c}\n`);
    const d = discoverConfiguration(core, { env: { CONDOR_CONFIG: 'ONLY_ENV', _CONDOR_SEC_TOKEN_DIRECTORY: dir } });
    expect(d.tokenDirectory).toBe(dir);
    expect(d.tokens).toEqual([c, a, b]);
    expect(d.tokenFiles).toEqual(['TOOL_auto_generated_token', '10-first', '20-second'].map((f) => path.join(dir, f)));

    // condor_token_list lists every token file it may open (it does not check permissions, the
    // authentication code does): the same tokens plus the one readable by others.
    const listed = execFileSync(inRoot, ['env', `_CONDOR_SEC_TOKEN_DIRECTORY=${inside(dir)}`, 'condor_token_list'], {
      encoding: 'utf8',
      env: { ...process.env, ROOT_SUITE: suite },
    })
      .trim()
      .split('\n')
      .map((line) => /Payload: (\{.*\}) File: (.*)$/.exec(line)!)
      .filter((m) => !m[2]!.endsWith('30-readable-by-others'))
      .map((m) => JSON.parse(m[1]!) as { sub: string });
    const payload = (t: string) => JSON.parse(Buffer.from(t.split('.')[1]!, 'base64url').toString()) as { sub: string };
    expect(listed.map((p) => p.sub).sort()).toEqual(d.tokens.map((t) => payload(t).sub).sort());
    d.config.delete();
  });
});
