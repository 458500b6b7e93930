/**
 * What condor_submit learns outside the description, given explicitly. Every field has the real
 * tool's default where the runtime can find it (Node, Deno, Bun: the working directory, the
 * environment, the user, the files, HTCondor's configuration); in browsers give what the
 * description needs (a `files` map for include, `queue from` and `queue matching`).
 */
export interface SubmitOptions {
  /** The directory the description is read in: Iwd, and where relative paths resolve (default: the working directory, or "/"). */
  cwd?: string;
  /** Files by path (relative to `cwd` or absolute), read instead of the filesystem: include files, item lists, `queue matching` candidates. */
  files?: Readonly<Record<string, string | Uint8Array>>;
  /** The environment, for `getenv` and `$ENV()` (default: the process's). */
  environment?: Readonly<Record<string, string | undefined>>;
  /** The submit file's name, as condor_submit sets `$(SUBMIT_FILE)` and `JobSubmitFile` (default: none, as the Python bindings). */
  submitFile?: string;
  /** The submitting user (default: the process's user). */
  user?: string;
  /** HTCondor configuration values condor_submit reads (UID_DOMAIN, FILESYSTEM_DOMAIN, JOB_DEFAULT_REQUESTMEMORY, ...). Default: the host's configuration, found as HTCondor's tools find it; none in browsers. */
  config?: Readonly<Record<string, string>>;
  /** The platform job Requirements name (default: this machine's, "X86_64" / "LINUX" in browsers). */
  arch?: string;
  opsys?: string;
}
