// The ClassAd conformance corpus through the WASM build: every case, compared as FORMAT.md says.
import { writeFileSync } from 'node:fs';
import path from 'node:path';

import { readFileSync } from 'node:fs';

import { afterAll, describe, expect, it } from 'vitest';

import { runClassAdCase, type CoreClassAd } from './classad-cases.js';
import { corpusFiles, readCases } from './corpus.js';

const files = corpusFiles('classad');
if (!files) console.log('classad: no corpus under CONFORMANCE_DIR, skipped');
// Cases where the oracle's answer depends on its platform or on its Python bindings rather than
// on HTCondor's C++ (each with its reason). They must keep failing: one that passes is removed.
const knownDifferences = (JSON.parse(readFileSync(path.join(import.meta.dirname, 'known-differences.json'), 'utf8')) as {
  classad: Record<string, string>;
}).classad;
const failuresFile = path.resolve(process.env['CONFORMANCE_FAILURES'] ?? path.join(import.meta.dirname, '../../build/classad-conformance-failures.txt'));
// HTCONDOR_CORE_MODULE points the runner at another build of the core (default: dist/core).
const coreModule = process.env['HTCONDOR_CORE_MODULE'] ?? '../../dist/core/htcondor-core.mjs';
const { default: createCoreModule } = (await import(coreModule)) as { default: () => Promise<unknown> };
const core = (await createCoreModule()) as CoreClassAd;

describe.skipIf(!files)('ClassAd conformance', () => {
  const failures: string[] = [];
  let passed = 0;
  let known = 0;
  afterAll(() => {
    writeFileSync(failuresFile, failures.join('\n'));
    console.log(`classad: ${passed} passed, ${failures.length} failed, ${known} skipped`);
    if (known) console.log(`classad: ${known} known differences, with reasons, in test/conformance/known-differences.json`);
  });
  for (const file of files ?? []) {
    it(path.basename(file, '.jsonl'), () => {
      let failed = 0;
      for (const c of readCases(file)) {
        const problems = runClassAdCase(core, c);
        if (c.id in knownDifferences) {
          if (problems.length > 0) known++;
          else {
            failed++;
            failures.push(`${c.id} is listed as a known difference but now passes: remove it from the list`);
          }
        } else if (problems.length === 0) passed++;
        else {
          failed++;
          failures.push(`${c.id} ${JSON.stringify(c.input)}\n    ${problems.join('\n    ')}`);
        }
      }
      expect(failed, `${failed} cases differ (${failuresFile})`).toBe(0);
    });
  }
});
