// The event log corpus (FORMAT.md of shared/conformance/eventlog): what each case expects, and
// an event compared with an expected one, fields typed as the Python bindings type them.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { htcondor } from 'htcondor-wasm/inthread';

export interface TypedField {
  type: 'int' | 'float' | 'str' | 'bool' | 'dict';
  value: unknown;
}
export interface ExpectedEvent {
  type: number;
  type_name: string | null;
  cluster: number;
  proc: number;
  timestamp: number;
  fields: Record<string, TypedField> | null;
  str: string | null;
  byte_range?: [number, number];
}
export interface ExpectedCase {
  case: string;
  kind: 'complete' | 'live_snapshot' | 'truncated';
  log_file: string;
  log_format: 'text' | 'xml' | 'json';
  events: ExpectedEvent[];
  events_isolated?: ExpectedEvent[];
  rest_file?: string;
  truncated_from?: string;
  cut_offset?: number;
  follow?: { after_append: ExpectedEvent[] };
}

export function readExpected(dir: string, file: string): ExpectedCase {
  return JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as ExpectedCase;
}

/**
 * What this reader returns, before and after the append. Where 23.9.6's reader was wrong, the
 * expectation comes from the corpus's own record of the whole log:
 * - JSON logs: 23.9.6 read only their first event; FORMAT.md asks a complete reader for
 *   `events_isolated`. A cut log gives the isolated events that end before the cut, then the rest.
 * - XML logs cut inside their last event: 23.9.6 may return the cut event early, missing
 *   attributes, and then stops for good at that ad's </c> (FORMAT.md). This reader holds the cut
 *   event back and returns it whole after the append: the complete log's events, the last one
 *   after the append.
 */
export function expectedReads(dir: string, c: ExpectedCase): { before: ExpectedEvent[]; after: ExpectedEvent[] | undefined } {
  if (c.log_format === 'text') return { before: c.events, after: c.follow?.after_append };
  if (c.log_format === 'xml') {
    if (c.kind !== 'truncated') return { before: c.events, after: undefined };
    const whole = readExpected(dir, `expected/${c.truncated_from!}.json`).events;
    return { before: whole.slice(0, -1), after: whole.slice(-1) };
  }
  if (c.kind !== 'truncated') return { before: c.events_isolated ?? [], after: undefined };
  const whole = readExpected(dir, `expected/${c.truncated_from!}.json`).events_isolated ?? [];
  const before = whole.filter((e) => e.byte_range![1] <= c.cut_offset!);
  return { before, after: whole.slice(before.length) };
}

/** The Python type the bindings give a value, told from the JS value and its literal's text. */
function typed(value: unknown, literal: string | undefined): TypedField | { type: string; value: unknown } {
  if (typeof value === 'boolean') return { type: 'bool', value };
  if (typeof value === 'string') return { type: 'str', value };
  if (typeof value === 'number' || typeof value === 'bigint') {
    return { type: literal !== undefined && /[.eEn]/.test(literal) ? 'float' : 'int', value: Number(value) };
  }
  if (value && typeof value === 'object' && 'keys' in value && 'lookup' in value) {
    const ad = value as htcondor.JobEvent['ad'];
    return { type: 'dict', value: Object.fromEntries(ad.keys().map((k) => [k, typed(ad.eval(k), ad.lookup(k)?.toString())])) };
  }
  return { type: typeof value, value: String(value) };
}

function sameTyped(expected: TypedField, actual: { type: string; value: unknown }, where: string, problems: string[]): void {
  if (expected.type !== actual.type) {
    problems.push(`${where}: ${actual.type} ${JSON.stringify(actual.value)}, expected ${expected.type} ${JSON.stringify(expected.value)}`);
    return;
  }
  if (expected.type !== 'dict') {
    if (expected.value !== actual.value) problems.push(`${where}: ${JSON.stringify(actual.value)}, expected ${JSON.stringify(expected.value)}`);
    return;
  }
  const want = expected.value as Record<string, TypedField>;
  const got = actual.value as Record<string, { type: string; value: unknown }>;
  for (const name of new Set([...Object.keys(want), ...Object.keys(got)])) {
    if (!(name in got)) problems.push(`${where}.${name}: missing`);
    else if (!(name in want)) problems.push(`${where}.${name}: not expected`);
    else sameTyped(want[name]!, got[name]!, `${where}.${name}`, problems);
  }
}

export function compareEvent(expected: ExpectedEvent, event: htcondor.JobEvent, where: string): string[] {
  const problems: string[] = [];
  const same = (what: string, actual: unknown, wanted: unknown) => {
    if (actual !== wanted) problems.push(`${where} ${what}: ${JSON.stringify(actual)}, expected ${JSON.stringify(wanted)}`);
  };
  same('type', event.type, expected.type);
  same('cluster', event.cluster, expected.cluster);
  same('proc', event.proc, expected.proc);
  same('timestamp', event.timestamp, expected.timestamp);
  if (expected.fields) {
    const fields = Object.fromEntries(event.keys().map((k) => [k, typed(event.get(k), event.ad.lookup(k)?.toString())]));
    sameTyped({ type: 'dict', value: expected.fields }, { type: 'dict', value: fields }, `${where} fields`, problems);
  }
  if (expected.str !== null) same('str', String(event), expected.str);
  return problems;
}
