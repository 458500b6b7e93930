// The submit corpus (shared/conformance/submit, FORMAT.md): reading a case, and what its
// recorded results mean for a complete implementation.
//   - Where 23.9.6 ended the process ($INT() of a word: exit(4); a macro cycle: a hang), an
//     implementation reports an error instead (FORMAT.md).
//   - Python's expand() of a value that expands to nothing raised "basic_string: construction
//     from null" (23.9.6 built a std::string from submit_param()'s NULL); the value is "".
//   - Where Python lost condor_submit's message ("" from itemdata errors, "Failed to get next
//     job" for transfer errors), the message is condor_submit's, from its stderr.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface Step<T> {
  ok: boolean;
  value?: T;
  error?: { type: string; message: string };
  process_terminated?: { exit_code: number | null; timed_out: boolean; stderr: string };
}

export type TypedItem = { type: 'str'; value: string } | { type: 'dict'; value: Record<string, { type: 'str'; value: string }> } | { type: 'none'; value: null };

export interface Volatile {
  attr: string;
  raw: string;
  normalized?: string;
}

export interface ExpectedAd {
  ad: Record<string, string>;
  volatile: Volatile[];
}

export interface ExpectedCase {
  case: string;
  submit_text: string;
  environment: Record<string, string>;
  condor_submit: {
    exit_code: number | null;
    timed_out?: boolean;
    stdout: string;
    stderr: string;
    job_count: number;
    clusters: {
      cluster_ad: Record<string, string>;
      volatile: Volatile[];
      procs: { ProcId: number | string; delta: Record<string, string>; delta_volatile: Volatile[]; ad: Record<string, string>; volatile: Volatile[] }[];
    }[];
  };
  python: {
    constructor: Step<undefined>;
    keys?: string[];
    raw_values?: Record<string, string>;
    str?: Step<string>;
    getQArgs?: Step<string>;
    itemdata?: Step<TypedItem[]>;
    jobs?: Step<ExpectedAd[]> | null;
    expand?: Record<string, Step<string>>;
    setQArgs_probes?: {
      arg: string;
      ok: boolean;
      error?: { type: string; message: string };
      getQArgs?: Step<string>;
      itemdata?: Step<TypedItem[]>;
      str?: Step<string>;
    }[] | null;
  };
}

export function readCase(dir: string, file: string): ExpectedCase {
  return JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as ExpectedCase;
}

/** The error text condor_submit printed: its ERROR lines without the prefix. */
export function condorSubmitErrors(stderr: string): string {
  return stderr.replace(/^ERROR: /gm, '');
}

/** Items as the corpus types them. */
export function typedItems(items: readonly (string | Readonly<Record<string, string>>)[]): TypedItem[] {
  return items.map((item) =>
    typeof item === 'string'
      ? { type: 'str', value: item }
      : { type: 'dict', value: Object.fromEntries(Object.entries(item).map(([k, v]) => [k, { type: 'str', value: v }])) },
  );
}

/** The attributes to compare: volatile ones only by presence (FORMAT.md, "Volatile attributes"). */
export function compareAd(expected: Record<string, string>, volatile: readonly Volatile[], actual: Record<string, string>, where: string): string[] {
  const loose = new Set(volatile.map((v) => v.attr.toLowerCase()));
  const problems: string[] = [];
  const actualByName = new Map(Object.entries(actual).map(([k, v]) => [k.toLowerCase(), [k, v] as const]));
  for (const [name, value] of Object.entries(expected)) {
    const mine = actualByName.get(name.toLowerCase());
    if (!mine) problems.push(`${where}: ${name} missing (expected ${value})`);
    else if (!loose.has(name.toLowerCase()) && mine[1] !== value) problems.push(`${where}: ${name} = ${mine[1]}, expected ${value}`);
    actualByName.delete(name.toLowerCase());
  }
  for (const [, [name, value]] of actualByName) problems.push(`${where}: unexpected ${name} = ${value}`);
  return problems;
}

/** A dry-run file (FORMAT.md): a blank line, the cluster ad from ClusterId=1, then ProcId=N blocks. */
export function parseDryRun(text: string): { clusterAd: Record<string, string>; procs: Record<string, string>[] }[] {
  const clusters: { clusterAd: Record<string, string>; procs: Record<string, string>[] }[] = [];
  let current: Record<string, string> | undefined;
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const eq = line.indexOf('=');
    const name = line.slice(0, eq);
    const value = line.slice(eq + 1);
    if (name === 'ClusterId') {
      clusters.push({ clusterAd: {}, procs: [] });
      current = clusters.at(-1)!.clusterAd;
    } else if (name === 'ProcId') {
      current = {};
      clusters.at(-1)!.procs.push(current);
    }
    current![name] = value;
  }
  return clusters;
}
