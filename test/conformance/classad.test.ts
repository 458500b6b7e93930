// The ClassAd conformance corpus through the WASM build: every case, compared as FORMAT.md says.
import { writeFileSync } from 'node:fs';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import createCoreModule from '../../dist/core/htcondor-core.mjs';
import { runClassAdCase, type CoreClassAd } from './classad-cases.js';
import { corpusFiles, readCases } from './corpus.js';

const files = corpusFiles('classad');
const core = (await createCoreModule()) as unknown as CoreClassAd;

describe.skipIf(!files)('ClassAd conformance', () => {
  const failures: string[] = [];
  let passed = 0;
  afterAll(() => {
    writeFileSync(path.resolve(import.meta.dirname, '../../build/classad-conformance-failures.txt'), failures.join('\n'));
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
      expect(failed, `${failed} cases differ (build/classad-conformance-failures.txt)`).toBe(0);
    });
  }
});
