// The job event log corpus through the public API (JobEventLog in this thread, on the WASM
// build): every case's events, with their fields typed as the Python bindings type them and
// their str(); truncated logs read from a file, then read again after the rest is appended.
import { appendFileSync, copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterAll, describe, expect, it, vi } from 'vitest';

import { htcondor } from 'htcondor-wasm/inthread';

import { conformanceRoot } from './corpus.js';
import { compareEvent, expectedReads, readExpected, type ExpectedEvent } from './eventlog-cases.js';

const dir = path.join(conformanceRoot, 'eventlog');
const present = existsSync(path.join(dir, 'index.json'));
if (!present) console.log('eventlog: no corpus under CONFORMANCE_DIR, skipped');
const index = present
  ? (JSON.parse(readFileSync(path.join(dir, 'index.json'), 'utf8')) as { reader: { parse_year: number }; cases: { case: string; expected_file: string }[] })
  : { reader: { parse_year: 0 }, cases: [] };
const scratch = mkdtempSync(path.join(os.tmpdir(), 'htcondor-wasm-eventlog-'));

async function readAll(log: htcondor.JobEventLog): Promise<htcondor.JobEvent[]> {
  const events: htcondor.JobEvent[] = [];
  for await (const event of log.events(0)) events.push(event);
  return events;
}

function compareAll(expected: ExpectedEvent[], events: htcondor.JobEvent[], where: string): string[] {
  const problems = expected.length === events.length ? [] : [`${where}: ${events.length} events, expected ${expected.length}`];
  expected.forEach((e, i) => events[i] && problems.push(...compareEvent(e, events[i], `${where} event ${i}`)));
  return problems;
}

describe.skipIf(!present)('event log conformance', () => {
  // Legacy MM/DD headers take the current year: the corpus was read in parse_year (FORMAT.md).
  vi.useFakeTimers({ toFake: ['Date'], now: Date.UTC(index.reader.parse_year, 6, 1) });
  let passed = 0;
  const failures: string[] = [];
  afterAll(() => {
    vi.useRealTimers();
    console.log(`eventlog: ${passed} passed, ${failures.length} failed (JSON and cut XML logs against the whole log's events: eventlog-cases.ts)`);
  });

  it.each(index.cases.map((c) => [c.case, c.expected_file]))('%s', async (name, file) => {
    const c = readExpected(dir, file);
    const { before, after } = expectedReads(dir, c);
    let problems: string[];
    if (after === undefined) {
      const log = new htcondor.JobEventLog(readFileSync(path.join(dir, c.log_file)));
      problems = compareAll(before, await readAll(log), name);
    } else {
      // Follow a growing file: read it, append the rest, read on from where reading stopped.
      const logPath = path.join(scratch, path.basename(c.log_file));
      copyFileSync(path.join(dir, c.log_file), logPath);
      const log = new htcondor.JobEventLog(logPath);
      problems = compareAll(before, await readAll(log), name);
      appendFileSync(logPath, readFileSync(path.join(dir, c.rest_file!)));
      problems.push(...compareAll(after, await readAll(log), `${name} after the append`));
      await log.close();
    }
    if (problems.length) failures.push(name);
    else passed++;
    expect(problems).toEqual([]);
  });
});
