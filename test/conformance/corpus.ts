// Reading a conformance corpus: the root comes from CONFORMANCE_DIR (default
// ../shared/conformance beside the project); a kind whose folder is absent is skipped.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const projectDir = path.resolve(import.meta.dirname, '../..');
export const conformanceRoot = path.resolve(projectDir, process.env['CONFORMANCE_DIR'] ?? '../shared/conformance');

export interface Case {
  id: string;
  category: string;
  kind: string;
  tags?: string[];
  input: Record<string, unknown>;
  expect: Record<string, unknown>;
  volatile?: boolean;
  env_dependent?: boolean;
}

/** The corpus files of one kind (`classad`, `submit`, `eventlog`), or undefined if absent. */
export function corpusFiles(kind: string): string[] | undefined {
  const dir = path.join(conformanceRoot, kind);
  if (!existsSync(dir)) return undefined;
  return readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()
    .map((name) => path.join(dir, name));
}

export function readCases(file: string): Case[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Case);
}
