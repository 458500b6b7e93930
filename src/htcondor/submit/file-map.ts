// The `files` option: contents by path, relative to the description's directory or absolute,
// answering the core's file questions before (or, in browsers, instead of) a filesystem.
import type { SubmitHost } from './core.js';

type FileQuestions = Pick<SubmitHost, 'readFile' | 'listDirectory' | 'fileSize' | 'isDirectory'>;

export function joinPath(dir: string, file: string): string {
  if (file.startsWith('/')) return normalize(file);
  return normalize(`${dir.replace(/\/+$/, '')}/${file}`);
}

function normalize(p: string): string {
  const parts: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

/** The map's answers, falling back to `next` (the filesystem, or nothing) for paths it lacks. */
export function fileMap(cwd: string, files: Readonly<Record<string, string | Uint8Array>>, next?: FileQuestions): FileQuestions {
  const encoder = new TextEncoder();
  const contents = new Map<string, Uint8Array>();
  for (const [name, data] of Object.entries(files)) contents.set(joinPath(cwd, name), typeof data === 'string' ? encoder.encode(data) : data);
  const isDir = (p: string) => {
    const prefix = p === '/' ? '/' : `${p}/`;
    for (const name of contents.keys()) if (name.startsWith(prefix)) return true;
    return false;
  };
  return {
    readFile: (file) => contents.get(joinPath(cwd, file)) ?? next?.readFile(file),
    fileSize: (file) => contents.get(joinPath(cwd, file))?.length ?? next?.fileSize(file),
    isDirectory: (file) => isDir(joinPath(cwd, file)) || (next?.isDirectory(file) ?? false),
    listDirectory: (dir) => {
      const at = joinPath(cwd, dir);
      const prefix = at === '/' ? '/' : `${at}/`;
      const entries = new Map<string, boolean>();
      for (const name of contents.keys()) {
        if (!name.startsWith(prefix)) continue;
        const rest = name.slice(prefix.length);
        const slash = rest.indexOf('/');
        entries.set(slash < 0 ? rest : rest.slice(0, slash), slash >= 0);
      }
      const below = next?.listDirectory(dir);
      if (entries.size === 0) return below;
      for (const e of below ?? []) if (!entries.has(e.name)) entries.set(e.name, e.isDirectory);
      return [...entries].map(([name, isDirectory]) => ({ name, isDirectory }));
    },
  };
}
