// Runs a Python script with HTCondor's own bindings inside the test pool's Debian root and
// returns what it prints as JSON: the peer every benchmark compares against.
// `options.user` runs it as that user of the root (e.g. the pool's test user, so it
// authenticates with the same token as htcondor-wasm); by default it runs as root.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const projectDir = path.resolve(import.meta.dirname, '../..');

export function runPython(script, input, options = {}) {
  const args = [...(options.user ? ['--user', options.user] : []), 'python3', '-c', script];
  let out;
  try {
    out = execFileSync(path.join(projectDir, 'scripts/in-root.sh'), args, {
      input,
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, ROOT_SUITE: 'trixie' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
  } catch (error) {
    // The peer's own traceback, not the script and a byte dump.
    throw new Error(`the Python peer failed:\n${error.stderr?.toString().trim() || error.message}`, { cause: error });
  }
  return JSON.parse(out.toString());
}

export function ratioLine(name, ours, theirs) {
  return `${name}: htcondor-wasm ${ours.toFixed(0)} ms, HTCondor Python bindings ${theirs.toFixed(0)} ms, ratio ${(ours / theirs).toFixed(2)}x`;
}
