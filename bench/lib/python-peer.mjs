// Runs a Python script with HTCondor's own bindings inside the test pool's Debian root and
// returns what it prints as JSON: the peer every benchmark compares against.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const projectDir = path.resolve(import.meta.dirname, '../..');

export function runPython(script, input) {
  const out = execFileSync(path.join(projectDir, 'scripts/in-root.sh'), ['python3', '-c', script], {
    input,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, ROOT_SUITE: 'trixie' },
  });
  return JSON.parse(out.toString());
}

export function ratioLine(name, ours, theirs) {
  return `${name}: htcondor-wasm ${ours.toFixed(0)} ms, HTCondor Python bindings ${theirs.toFixed(0)} ms, ratio ${(ours / theirs).toFixed(2)}x`;
}
