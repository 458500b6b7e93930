// The ClassAd conformance corpus through the WASM build: every case, compared as FORMAT.md says.
import { writeFileSync } from 'node:fs';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { runClassAdCase, type CoreClassAd } from './classad-cases.js';
import { corpusFiles, readCases } from './corpus.js';

const files = corpusFiles('classad');
const failuresFile = path.resolve(process.env['CONFORMANCE_FAILURES'] ?? path.join(import.meta.dirname, '../../build/classad-conformance-failures.txt'));
// HTCONDOR_CORE_MODULE points the runner at another build of the core (default: dist/core).
const coreModule = process.env['HTCONDOR_CORE_MODULE'] ?? '../../dist/core/htcondor-core.mjs';
const { default: createCoreModule } = (await import(coreModule)) as { default: () => Promise<unknown> };
const core = (await createCoreModule()) as CoreClassAd;

describe.skipIf(!files)('ClassAd conformance', () => {
  const failures: string[] = [];
  let passed = 0;
  afterAll(() => {
    writeFileSync(failuresFile, failures.join('\n'));
    console.log(`classad: ${passed} passed, ${failures.length} failed`);
  });
  for (const file of files ?? []) {
    it(path.basename(file, '.jsonl'), () => {
      let failed = 0;
      for (const c of readCases(file)) {
        const problems = runClassAdCase(core, c);
        if (problems.length === 0) passed++;
        else {
          failed++;
          failures.push(`${c.id} ${JSON.stringify(c.input)}\n    ${problems.join('\n    ')}`);
        }
      }
      expect(failed, `${failed} cases differ (${failuresFile})`).toBe(0);
    });
  }
});
