// HTCondor's AdTypes (values as in the Python bindings), with the collector command and the
// TargetType each is queried with (docs/protocol/commands-collector.md, section 1).
export const AdTypes = {
  Startd: 0,
  Schedd: 1,
  Master: 2,
  StartdPrivate: 5,
  Submitter: 6,
  Collector: 7,
  License: 8,
  Any: 10,
  Negotiator: 13,
  HAD: 14,
  Generic: 15,
  Credd: 16,
  Grid: 19,
  Defrag: 22,
  Accounting: 23,
  Slot: 24,
  StartDaemon: 25,
} as const;
export type AdTypes = (typeof AdTypes)[keyof typeof AdTypes];

export interface AdTypeQuery {
  readonly command: number;
  readonly targetType: string;
}

const queries: Record<AdTypes, AdTypeQuery> = {
  [AdTypes.Startd]: { command: 5, targetType: 'Machine' },
  [AdTypes.Slot]: { command: 5, targetType: 'Machine' },
  [AdTypes.StartDaemon]: { command: 53, targetType: 'StartD' },
  [AdTypes.StartdPrivate]: { command: 10, targetType: 'Machine' },
  [AdTypes.Schedd]: { command: 6, targetType: 'Scheduler' },
  [AdTypes.Master]: { command: 7, targetType: 'DaemonMaster' },
  [AdTypes.Submitter]: { command: 12, targetType: 'Submitter' },
  [AdTypes.Collector]: { command: 20, targetType: 'Collector' },
  [AdTypes.License]: { command: 43, targetType: 'License' },
  [AdTypes.Any]: { command: 48, targetType: 'Any' },
  [AdTypes.Negotiator]: { command: 50, targetType: 'Negotiator' },
  [AdTypes.HAD]: { command: 56, targetType: 'HAD' },
  [AdTypes.Generic]: { command: 74, targetType: 'Generic' },
  [AdTypes.Credd]: { command: 74, targetType: 'CredD' },
  [AdTypes.Grid]: { command: 71, targetType: 'Grid' },
  [AdTypes.Defrag]: { command: 74, targetType: 'Defrag' },
  [AdTypes.Accounting]: { command: 78, targetType: 'Accounting' },
};

export function adTypeQuery(type: AdTypes): AdTypeQuery | undefined {
  return queries[type];
}
