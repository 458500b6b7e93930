// What the configuration core asks of a Node/Deno/Bun host (wasm/config/file_access.hpp):
// file contents, directory listings, secret files read as HTCondor's read_secure_file() reads
// them, and the process facts HTCondor's tools take from the system. Synchronous: the core
// calls these while it reads, inside the worker.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { HTCondorValueError } from '../src/errors.js';

export interface DirectoryEntry {
  readonly name: string;
  /** After following symbolic links. */
  readonly isDirectory: boolean;
}

export interface ConfigFileAccess {
  /** A readable file's bytes; undefined if it does not exist, is a directory or cannot be read. */
  readFile(file: string): Uint8Array | undefined;
  /** A secret file's bytes, only if the user owns it and neither group nor others may access it. */
  readSecureFile(file: string): Uint8Array | undefined;
  /** A directory's entries (entries that cannot be examined left out); undefined if it cannot be listed. */
  listDirectory(dir: string): DirectoryEntry[] | undefined;
}

export interface ProcessFacts {
  readonly hostname: string;
  /** The canonical name the resolver gives the host name, where /etc/hosts knows it. */
  readonly canonicalHostname?: string;
  readonly username: string;
  readonly uid: number;
  readonly gid: number;
  readonly pid: number;
  readonly ppid: number;
  /** The passwd home directory of the user (not $HOME, as for HTCondor). */
  readonly home: string;
  /** ~condor, when the user "condor" exists. */
  readonly condorHome?: string;
  /** Root: HTCondor reads no user configuration and uses the system tokens directory. */
  readonly isRoot: boolean;
}

export interface FileSystemOptions {
  /**
   * A directory standing for "/" (as a chroot would): absolute paths are looked up beneath it.
   * For tests and tools that read another system's configuration; symbolic links with absolute
   * targets still resolve on the host.
   */
  readonly root?: string;
  /** The owner secret files must have (default: the process's real uid). */
  readonly uid?: number;
}

/** File access through node:fs. */
export function nodeFileAccess(options: FileSystemOptions = {}): ConfigFileAccess {
  const at = resolver(options.root);
  const owner = options.uid ?? ask(() => process.getuid?.(), undefined);
  return {
    readFile(file) {
      try {
        const p = at(file);
        if (fs.statSync(p).isDirectory()) return undefined;
        return fs.readFileSync(p);
      } catch {
        return undefined;
      }
    },
    readSecureFile(file) {
      let fd: number | undefined;
      try {
        fd = fs.openSync(at(file), 'r');
        const st = fs.fstatSync(fd);
        if (st.isDirectory()) return undefined;
        // Where there are uids (not Windows): owned by the user, no access for group or others.
        if (owner !== undefined && (st.uid !== owner || (st.mode & 0o077) !== 0)) return undefined;
        return fs.readFileSync(fd);
      } catch {
        return undefined;
      } finally {
        if (fd !== undefined) fs.closeSync(fd);
      }
    },
    listDirectory(dir) {
      const p = at(dir);
      let names: string[];
      try {
        names = fs.readdirSync(p);
      } catch {
        return undefined;
      }
      const entries: DirectoryEntry[] = [];
      for (const name of names) {
        try {
          entries.push({ name, isDirectory: fs.statSync(path.join(p, name)).isDirectory() });
        } catch {
          // vanished or a dangling link: HTCondor's Directory skips it too
        }
      }
      return entries;
    },
  };
}

export interface ProcessOptions {
  readonly root?: string;
  /** Take the identity of this user (name or uid, from the passwd file) instead of the process's own. */
  readonly user?: string | number;
  /** The host name (default: os.hostname()). */
  readonly hostname?: string;
}

/** What the runtime tells about the system, or `otherwise` where it will not (Deno without --allow-sys). */
export function ask<T>(question: () => T, otherwise: T): T {
  try {
    return question();
  } catch {
    return otherwise;
  }
}

/** The process facts, from node:os and the passwd and hosts files. */
export function processFacts(options: ProcessOptions = {}): ProcessFacts {
  const passwd = readPasswd(options.root);
  const hostname = options.hostname ?? ask(() => os.hostname(), '');
  const canonicalHostname = canonicalName(hostname, options.root);
  let identity: { username: string; uid: number; gid: number; home: string };
  if (options.user !== undefined) {
    const entry = passwd.find((e) => (typeof options.user === 'number' ? e.uid === options.user : e.name === options.user));
    if (!entry) throw new HTCondorValueError(`no user ${String(options.user)} in the passwd file`);
    identity = { username: entry.name, uid: entry.uid, gid: entry.gid, home: entry.home };
  } else {
    const info = ask(() => os.userInfo(), { username: '', uid: -1, gid: -1, homedir: process.env['HOME'] ?? '', shell: null });
    identity = { username: info.username, uid: info.uid, gid: info.gid, home: info.homedir };
  }
  const condorHome = passwd.find((e) => e.name === 'condor')?.home;
  return {
    hostname,
    ...(canonicalHostname !== undefined && { canonicalHostname }),
    ...identity,
    pid: process.pid,
    ppid: process.ppid,
    ...(condorHome !== undefined && { condorHome }),
    isRoot: identity.uid === 0,
  };
}

function resolver(root: string | undefined): (file: string) => string {
  if (!root) return (file) => file;
  return (file) => (path.isAbsolute(file) ? path.join(root, file) : file);
}

interface PasswdEntry {
  name: string;
  uid: number;
  gid: number;
  home: string;
}

function readPasswd(root: string | undefined): PasswdEntry[] {
  let text: string;
  try {
    text = fs.readFileSync(resolver(root)('/etc/passwd'), 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .map((line) => line.split(':'))
    .filter((f) => f.length >= 7)
    .map((f) => ({ name: f[0]!, uid: Number(f[2]), gid: Number(f[3]), home: f[5]! }));
}

// getaddrinfo(AI_CANONNAME) through the "files" source: the first name on the /etc/hosts line
// that lists the host name. (A DNS answer cannot be had synchronously here.)
function canonicalName(hostname: string, root: string | undefined): string | undefined {
  let text: string;
  try {
    text = fs.readFileSync(resolver(root)('/etc/hosts'), 'utf8');
  } catch {
    return undefined;
  }
  for (const line of text.split('\n')) {
    const names = line.replace(/#.*/, '').trim().split(/\s+/).slice(1);
    if (names.some((n) => n.toLowerCase() === hostname.toLowerCase())) return names[0];
  }
  return undefined;
}
