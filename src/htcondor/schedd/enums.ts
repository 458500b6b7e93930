// The Schedd's enumerations with HTCondor's values (protocol doc commands-enums; v1 bindings).

/** A job's JobStatus attribute. */
export const JobStatus = {
  IDLE: 1,
  RUNNING: 2,
  REMOVED: 3,
  COMPLETED: 4,
  HELD: 5,
  TRANSFERRING_OUTPUT: 6,
  SUSPENDED: 7,
} as const;
export type JobStatus = (typeof JobStatus)[keyof typeof JobStatus];

/** What Schedd.act does to the jobs. */
export const JobAction = {
  Hold: 1,
  Release: 2,
  Remove: 3,
  RemoveX: 4,
  Vacate: 5,
  VacateFast: 6,
  Suspend: 8,
  Continue: 9,
} as const;
export type JobAction = (typeof JobAction)[keyof typeof JobAction];

/** Flags of a queue transaction's changes (SetAttributeFlags). */
export const TransactionFlags = {
  None: 0,
  NonDurable: 1,
  SetDirty: 4,
  ShouldLog: 8,
} as const;
export type TransactionFlags = (typeof TransactionFlags)[keyof typeof TransactionFlags];

/** What a job query returns (QueryFetchOpts). AutoCluster and GroupBy only apply alone. */
export const QueryOpts = {
  Default: 0,
  AutoCluster: 1,
  GroupBy: 2,
  DefaultMyJobsOnly: 0x04,
  SummaryOnly: 0x08,
  IncludeClusterAd: 0x10,
  IncludeJobsetAds: 0x20,
  ClusterAds: 0x50,
  JobsetAds: 0x60,
} as const;
export type QueryOpts = (typeof QueryOpts)[keyof typeof QueryOpts] | number;

/** Whether QueryIterator.next waits for ads. */
export const BlockingMode = {
  NonBlocking: 0,
  Blocking: 1,
} as const;
export type BlockingMode = (typeof BlockingMode)[keyof typeof BlockingMode];
