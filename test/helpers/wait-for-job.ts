// The seeds' wait-for-job loop: follow a job event log (no deadline) until the cluster's job
// terminates. The event types seen for the cluster, in order, and the job's ReturnValue.
import { htcondor } from 'htcondor-wasm';

export async function waitForJob(log: string, cluster: number): Promise<{ seen: htcondor.JobEventType[]; returnValue: unknown }> {
  const seen: htcondor.JobEventType[] = [];
  for await (const event of new htcondor.JobEventLog(log).events(null)) {
    if (event.cluster !== cluster) continue;
    seen.push(event.type);
    if (event.type === htcondor.JobEventType.JOB_TERMINATED) return { seen, returnValue: event.get('ReturnValue') };
  }
  return { seen, returnValue: undefined };
}
