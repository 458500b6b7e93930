// The request ads of the schedd's job query (QUERY_JOB_ADS) and history (QUERY_SCHEDD_HISTORY),
// as the v1 bindings build them (protocol doc commands-schedd-query 1.1, 2.1).
import type { ClassAd } from '../../classad/classad.js';
import type { ExprTree } from '../../classad/expr-tree.js';
import { quote } from '../../classad/quote.js';
import { HTCondorIOError, HTCondorReplyError } from '../../errors.js';
import { QueryOpts } from './enums.js';
import { constraintText } from './job-spec.js';

export const QUERY_JOB_ADS = 516;
export const QUERY_SCHEDD_HISTORY = 515;
// The bit QueryOpts.ClusterAds and JobsetAds add to their Include flag: those ads without the jobs'.
const NO_PROC_ADS = 0x40;

export function jobQueryAd(constraint: string | ExprTree | undefined, projection: readonly string[], limit: number, opts: number, me: string): string {
  const attrs = [
    `Requirements = (${constraintText(constraint)})`,
    `Projection = ${quote(projection.join('\n'))}`,
    'SendServerTime = true',
  ];
  if (limit >= 0) attrs.push(`LimitResults = ${Math.trunc(limit)}`);
  if (opts === QueryOpts.AutoCluster) attrs.push('QueryDefaultAutocluster = true', 'MaxReturnedJobIds = 2');
  else if (opts === QueryOpts.GroupBy) attrs.push('ProjectionIsGroupBy = true', 'MaxReturnedJobIds = 2');
  else {
    if (opts & QueryOpts.DefaultMyJobsOnly) attrs.push(me ? `MyJobs = ${quote('(Owner == Me)')}` : 'MyJobs = true', ...(me ? [`Me = ${quote(me)}`] : []));
    if (opts & QueryOpts.SummaryOnly) attrs.push('SummaryOnly = true');
    if (opts & QueryOpts.IncludeClusterAd) attrs.push('IncludeClusterAd = true');
    if (opts & QueryOpts.IncludeJobsetAds) attrs.push('IncludeJobsetAds = true');
    if (opts & NO_PROC_ADS) attrs.push('NoProcAds = true');
  }
  return `[ ${attrs.join('; ')} ]`;
}

/** A job query's end ad: an error it reports becomes the exception. */
export function checkJobQueryEnd(end: ClassAd): void {
  const code = end.get('ErrorCode');
  if (typeof code === 'number' && code !== 0) {
    throw new HTCondorIOError(`Failed to fetch ads from schedd, errmsg=${String(end.get('ErrorString') ?? `error ${code}`)}`);
  }
}

export interface HistoryRequest {
  readonly constraint?: string | ExprTree | undefined;
  readonly projection: readonly string[];
  readonly match: number;
  /** Stop at the first record this matches: a cluster id, "C" / "C.P", or an expression. */
  readonly since?: number | string | ExprTree | undefined;
  readonly source?: 'JOB_EPOCH';
  readonly adType?: string;
}

export function historyAd(r: HistoryRequest): string {
  const attrs: string[] = [];
  if (r.constraint !== undefined && constraintText(r.constraint) !== 'true') attrs.push(`Requirements = (${constraintText(r.constraint)})`);
  attrs.push(`Projection = { ${r.projection.map((name) => quote(name)).join(', ')} }`);
  attrs.push(`NumJobMatches = ${Math.trunc(r.match)}`);
  if (r.since !== undefined) attrs.push(`Since = (${sinceExpression(r.since)})`);
  if (r.source) attrs.push(`HistoryRecordSource = ${quote(r.source)}`);
  if (r.adType) attrs.push(`HistoryAdTypeFilter = ${quote(r.adType)}`);
  return `[ ${attrs.join('; ')} ]`;
}

function sinceExpression(since: number | string | ExprTree): string {
  if (typeof since === 'number') return `ClusterId == ${Math.trunc(since)}`;
  if (typeof since === 'string') {
    const id = /^\s*(\d+)(?:\.(\d+))?\s*$/.exec(since);
    if (id) return id[2] === undefined ? `ClusterId == ${id[1]}` : `ClusterId == ${id[1]} && ProcId == ${id[2]}`;
  }
  return constraintText(since);
}

/** A history answer's end ad: errors, malformed records, or a count that does not add up become the exception. */
export function checkHistoryEnd(end: ClassAd, received: number): void {
  checkJobQueryEnd(end);
  const malformed = end.get('MalformedAds');
  if (typeof malformed === 'number' && malformed !== 0) throw new HTCondorReplyError('Remote side had parse errors on history file');
  const matches = end.get('NumJobMatches');
  if (typeof matches === 'number' && matches !== received) throw new HTCondorReplyError(`Incorrect number of ads returned (${received} of ${matches})`);
}
