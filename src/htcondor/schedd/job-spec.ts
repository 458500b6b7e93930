// Which jobs a Schedd call is about, as the v1 bindings take it: job ids ("C.P", "C" for a
// cluster), a list of them, or a constraint (an expression, as text or ExprTree).
import { engine } from '../../classad/engine.js';
import { ExprTree } from '../../classad/expr-tree.js';
import { quote } from '../../classad/quote.js';
import { HTCondorValueError } from '../../errors.js';

export type JobSpec = string | readonly string[] | ExprTree;

const JOB_ID = /^\s*(\d+)\.(-?\d+)\s*$/;
const CLUSTER_ID = /^\s*\d+\s*$/;

/** A constraint's text, checked here so a bad one fails before anything is sent. */
export function constraintText(constraint: string | ExprTree | undefined): string {
  if (constraint === undefined) return 'true';
  const text = constraint instanceof ExprTree ? constraint.toString() : constraint.trim();
  if (text === '') return 'true';
  const parsed = engine().parseExpr(text);
  if (!parsed) throw new HTCondorValueError(`Invalid constraint: ${text}`);
  parsed.delete();
  return text;
}

/** Job ids ("C.P,C") or the constraint a spec names. */
export function actionTarget(spec: JobSpec): { ids: string } | { constraint: string } {
  if (Array.isArray(spec)) {
    for (const id of spec) {
      if (typeof id !== 'string' || !(JOB_ID.test(id) || CLUSTER_ID.test(id))) throw new HTCondorValueError(`Invalid job id: ${String(id)}`);
    }
    return { ids: spec.map((id) => id.trim()).join(',') };
  }
  if (typeof spec === 'string' && (JOB_ID.test(spec) || CLUSTER_ID.test(spec))) return { ids: spec.trim() };
  return { constraint: constraintText(spec as string | ExprTree) };
}

/** The request attribute naming a target's jobs, as `act`, `export_jobs` and `unexport_jobs` send it. */
export function targetAttribute(target: { ids: string } | { constraint: string }): string {
  return 'ids' in target ? `ActionIds = ${quote(target.ids)}` : `ActionConstraint = ${target.constraint}`;
}

export function actionTargetAttribute(spec: JobSpec): string {
  return targetAttribute(actionTarget(spec));
}

/** `edit`'s targets: [cluster, proc] pairs, or a constraint. */
export function editTarget(spec: JobSpec): { ids: [number, number][] } | { constraint: string } {
  const pair = (id: string): [number, number] => {
    const m = JOB_ID.exec(id);
    if (!m) throw new HTCondorValueError(`Invalid ID: ${id}`);
    return [Number(m[1]), Number(m[2])];
  };
  if (Array.isArray(spec)) return { ids: spec.map(pair) };
  if (typeof spec === 'string' && JOB_ID.test(spec)) return { ids: [pair(spec)] };
  return { constraint: constraintText(spec as string | ExprTree) };
}
