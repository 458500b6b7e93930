import type { ClassAd } from '../../classad/classad.js';

/** What Schedd.submit made: the cluster, its first proc, how many procs, and the cluster ad sent. */
export class SubmitResult {
  /** @internal */
  constructor(
    readonly clusterId: number,
    readonly firstProc: number,
    readonly numProcs: number,
    readonly clusterAd: ClassAd,
  ) {}

  cluster(): number {
    return this.clusterId;
  }
  clusterad(): ClassAd {
    return this.clusterAd;
  }
  first_proc(): number {
    return this.firstProc;
  }
  num_procs(): number {
    return this.numProcs;
  }
  toString(): string {
    return `Submitted ${this.numProcs} job(s) into cluster ${this.clusterId}.`;
  }
}
