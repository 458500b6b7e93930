// Submit.from_dag: the core reads the DAG file (through the host) and writes the description
// condor_submit_dag would submit DAGMan with; the options are the Python bindings' names and
// types. Unlike 23.9.6 nothing is written or removed: no <dag>.condor.sub, no old outputs.
import { failed, raise, submitCore, type SubmitHost } from './core.js';

/** condor_submit_dag's options, by the Python bindings' names. */
export interface DagOptions {
  dagman?: string;
  force?: boolean;
  'schedd-daemon-ad-file'?: string;
  'schedd-address-file'?: string;
  AlwaysRunPost?: boolean;
  maxidle?: number;
  maxjobs?: number;
  MaxPre?: number;
  MaxPost?: number;
  UseDagDir?: boolean;
  debug?: number;
  outfile_dir?: string;
  config?: string;
  'batch-name'?: string;
  load_save?: string;
  AutoRescue?: boolean;
  DoRescueFrom?: number;
  AllowVersionMismatch?: boolean;
  do_recurse?: boolean;
  update_submit?: boolean;
  import_env?: boolean;
  include_env?: string;
  insert_env?: string;
  DumpRescue?: boolean;
  valgrind?: boolean;
  priority?: number;
  suppress_notification?: boolean;
  DoRecov?: boolean;
}

export function dagDescription(dagFile: string, options: DagOptions, host: SubmitHost): string {
  const result = submitCore().dagSubmitDescription(dagFile, Object.entries(options), host);
  if (failed(result)) raise(result);
  return result.text;
}
