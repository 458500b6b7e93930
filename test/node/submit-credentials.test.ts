// The submit keys of credentials (SetGSICredentials): an X.509 proxy read and checked (its key
// after the certificate, expiry against CRED_MIN_TIME_LEFT), its delegated lifetime, and the
// SciToken file (use_scitokens true/false/auto, BEARER_TOKEN_FILE). The same cases through
// HTCondor's Python bindings and through the library, both inside the test pool's root as the
// test user, in a directory of proxies made with OpenSSL; the same attributes or messages.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

import { expect, inject, it } from 'vitest';

const pool = inject('pool');
const inRoot = path.resolve(import.meta.dirname, '../../scripts/in-root.sh');
const dir = `/home/${pool.user}/submit-credentials`;
const asUser = (script: string) => execFileSync(inRoot, ['--user', pool.user, 'sh', '-c', script], { encoding: 'utf8' });

// Proxies: a certificate, its key, and a chain certificate expiring first; an expired one; one
// with a minute left (CRED_MIN_TIME_LEFT is 120 s); a certificate without its key; not a proxy.
const notAfter = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z';
const make = (name: string, until: string) =>
  `openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj /CN=${name} -not_before 20200101000000Z -not_after ${until} -keyout ${name}.key -out ${name}.crt 2>/dev/null`;
asUser([
  `rm -rf ${dir} && mkdir -p ${dir}/sub && cd ${dir}`,
  make('user', notAfter(86400 * 365)), make('ca', notAfter(86400 * 30)), make('old', '20210101000000Z'), make('brief', notAfter(60)),
  'cat user.crt user.key ca.crt > sub/proxy.pem', 'cat old.crt old.key > expired.pem', 'cat brief.crt brief.key > brief.pem',
  'cat user.crt > nokey.pem', 'echo not a proxy > garbage.pem', 'cp sub/proxy.pem default.pem', 'echo token > tok',
].join(' && '));

const cases: { submit: Record<string, string>; env?: Record<string, string> }[] = [
  { submit: { x509userproxy: 'sub/proxy.pem', delegate_job_gsi_credentials_lifetime: '3600' } },
  { submit: { x509userproxy: `${dir}/sub/proxy.pem` } },
  { submit: { x509userproxy: 'expired.pem' } },
  { submit: { x509userproxy: 'brief.pem' } },
  { submit: { x509userproxy: 'nokey.pem' } },
  { submit: { x509userproxy: 'garbage.pem' } },
  { submit: { x509userproxy: 'missing.pem' } },
  { submit: { use_x509userproxy: 'true' }, env: { X509_USER_PROXY: `${dir}/default.pem` } },
  { submit: { use_x509userproxy: 'true' } },
  { submit: { delegate_job_gsi_credentials_lifetime: '12x' } },
  { submit: { delegate_job_gsi_credentials_lifetime: ' 7' } },
  { submit: { scitokens_file: 'tok' } },
  { submit: { use_scitokens: 'true', scitokens_file: 'tok' } },
  { submit: { use_scitokens: 'false', scitokens_file: 'tok' } },
  { submit: { use_scitokens: 'auto' }, env: { BEARER_TOKEN_FILE: `${dir}/tok` } },
  { submit: { use_scitokens: 'auto' } },
  { submit: { use_scitoken: 'true' } },
  { submit: { use_scitokens: 'true' }, env: { BEARER_TOKEN_FILE: 'tok' } },
  { submit: { use_scitokens: 'sometimes' } },
];

const python = `
import json, os, sys, htcondor
attrs = ["x509userproxy", "DelegateJobGSICredentialsLifetime", "ScitokensFile"]
out = []
for case in json.loads(sys.argv[1]):
    saved = dict(os.environ)
    os.environ.pop("X509_USER_PROXY", None); os.environ.pop("BEARER_TOKEN_FILE", None)
    os.environ.update(case.get("env", {}))
    try:
        ad = next(iter(htcondor.Submit(dict({"executable": "/bin/true"}, **case["submit"])).jobs()))
        out.append({a: ad[a] for a in attrs if a in ad})
    except Exception as e:
        out.append({"error": str(e)})
    os.environ.clear(); os.environ.update(saved)
print(json.dumps(out))
`;

it('reads and checks credentials as the Python bindings do: the same attributes, the same messages', () => {
  const quoted = `'${JSON.stringify(cases).replace(/'/g, "'\\''")}'`;
  const theirs = JSON.parse(asUser(`cd ${dir} && unset X509_USER_PROXY BEARER_TOKEN_FILE && python3 -c '${python.replace(/'/g, "'\\''")}' ${quoted}`).trim().split('\n').at(-1)!);
  const ours = JSON.parse(asUser(`cd ${dir} && unset X509_USER_PROXY BEARER_TOKEN_FILE && node /project/test/node/fixtures/submit-credentials.mjs ${quoted}`).trim().split('\n').at(-1)!);
  expect(ours).toEqual(theirs);
  // The cases do what they are for (so that the comparison compares something).
  expect(ours[0]).toEqual({ x509userproxy: `${dir}/sub/proxy.pem`, DelegateJobGSICredentialsLifetime: 3600 });
  expect(ours.slice(2, 7).map((r: { error?: string }) => r.error)).toEqual([
    'proxy has expired', 'proxy lifetime too short', 'unable to read proxy file', 'unable to read proxy file', 'unable to read proxy file',
  ]);
  expect(ours[cases.findIndex((c) => c.submit['use_scitokens'] === 'auto' && c.env)]).toEqual({ ScitokensFile: `${dir}/tok` });
});
