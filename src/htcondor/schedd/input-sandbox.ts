// A job's input sandbox as HTCondor's FileTransfer computes it for spooling (SimpleInit and
// ExpandFileTransferList): the TransferInput list without URLs, In unless it is a null file,
// x509userproxy, and Cmd unless TransferExecutable is false; relative names against Iwd. Each
// goes by its base name; a directory goes as itself and its contents (with a trailing slash:
// its contents only). With PreserveRelativePaths, a relative name keeps its directories
// (ExpandParentDirectories): each of them goes first, once, as a directory entry.
import type { ClassAd } from '../../classad/classad.js';
import type { SpoolEntry } from '../../core/port.js';
import { HTCondorIOError, HTCondorValueError } from '../../errors.js';
import type { TransferDisk } from './transfer-disk.js';
import { readSource, sourceSize, type InputSource } from './transfer-sources.js';

/** An entry and how to read it. */
export interface InputEntry extends SpoolEntry {
  read(offset: number, length: number): Promise<Uint8Array>;
}

const NULL_FILES = new Set(['/dev/null', 'NUL']);
const isUrl = (name: string) => /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(name);
const baseName = (name: string) => name.replace(/\/+$/, '').split('/').pop()!;
const noData = () => Promise.resolve(new Uint8Array(0));

function stringAttr(job: ClassAd, name: string): string | undefined {
  const value = job.eval(name);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The names the job's sandbox is made of, as the ad gives them. */
export function inputNames(job: ClassAd): string[] {
  const names = (stringAttr(job, 'TransferInput') ?? '').split(',').map((n) => n.trim()).filter((n) => n !== '');
  const add = (name: string | undefined) => {
    if (name !== undefined && !NULL_FILES.has(name) && !names.includes(name)) names.push(name);
  };
  add(stringAttr(job, 'In'));
  add(stringAttr(job, 'x509userproxy'));
  if (job.eval('TransferExecutable') !== false) add(stringAttr(job, 'Cmd'));
  return names.filter((n) => !isUrl(n));
}

/**
 * The entries to upload for `job`: each name from `files` when given there (by the name as
 * the ad has it, or its base name), else from the disk relative to the job's Iwd.
 */
export async function inputSandbox(job: ClassAd, files: Readonly<Record<string, InputSource>>, disk: TransferDisk | undefined): Promise<InputEntry[]> {
  const iwd = stringAttr(job, 'Iwd') ?? '';
  const executable = stringAttr(job, 'Cmd');
  const preserve = job.eval('PreserveRelativePaths') === true;
  const entries: InputEntry[] = [];
  const directories = new Set<string>();
  const directory = (name: string, mode: number) => {
    if (directories.has(name)) return;
    directories.add(name);
    entries.push({ name, directory: true, mode, size: 0, read: noData });
  };
  const fromDisk = async (disk: TransferDisk, full: string, dest: string, contentsOnly: boolean): Promise<void> => {
    const st = await disk.stat(full);
    if (!st) throw new HTCondorIOError(`cannot read the input file ${full}: it does not exist`);
    if (!st.directory) {
      entries.push({ name: dest, directory: false, mode: st.mode, size: st.size, read: (offset, length) => disk.read(full, offset, length) });
      return;
    }
    if (!contentsOnly) directory(dest, st.mode);
    const prefix = contentsOnly ? dest.replace(/[^/]+$/, '') : `${dest}/`;
    for (const child of (await disk.list(full)).sort()) await fromDisk(disk, disk.resolve(full, child), prefix + child, false);
  };
  for (const name of inputNames(job)) {
    const given = files[name] ?? files[baseName(name)];
    const kept = preserve && !name.startsWith('/') && !name.endsWith('/');
    const dest = kept ? name.replace(/^(\.\/)+/, '') : baseName(name);
    // Its directories, from the top, with their modes on disk (0755 where there is none).
    if (kept) {
      const parts = dest.split('/').slice(0, -1);
      for (let i = 1; i <= parts.length; i++) {
        const parent = parts.slice(0, i).join('/');
        const st = disk && !directories.has(parent) ? await disk.stat(disk.resolve(iwd, parent)) : undefined;
        directory(parent, st?.directory ? st.mode : 0o755);
      }
    }
    if (given !== undefined) {
      const mode = name === executable ? 0o755 : 0o644;
      entries.push({ name: dest, directory: false, mode, size: sourceSize(given), read: (offset, length) => readSource(given, offset, length) });
    } else if (disk) {
      await fromDisk(disk, disk.resolve(iwd, name), dest, name.endsWith('/'));
    } else {
      throw new HTCondorValueError(`no contents given for the input file ${name}: pass it in the files option`);
    }
  }
  return entries;
}
