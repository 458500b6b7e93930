// HTCondor's DaemonTypes (values as in the Python bindings, daemon_t), and the ad type each is
// located with (docs/protocol/commands-collector.md 4.3).
import { AdTypes } from './ad-types.js';

export const DaemonTypes = {
  None: 0,
  Any: 1,
  Master: 2,
  Schedd: 3,
  Startd: 4,
  Collector: 5,
  Negotiator: 6,
  Credd: 13,
  HAD: 17,
  Generic: 18,
} as const;
export type DaemonTypes = (typeof DaemonTypes)[keyof typeof DaemonTypes];

const adTypes: Partial<Record<DaemonTypes, AdTypes>> = {
  [DaemonTypes.Master]: AdTypes.Master,
  [DaemonTypes.Schedd]: AdTypes.Schedd,
  [DaemonTypes.Startd]: AdTypes.Startd,
  [DaemonTypes.Collector]: AdTypes.Collector,
  [DaemonTypes.Negotiator]: AdTypes.Negotiator,
  [DaemonTypes.Credd]: AdTypes.Credd,
  [DaemonTypes.HAD]: AdTypes.HAD,
  [DaemonTypes.Generic]: AdTypes.Generic,
};

/** The ad type a daemon of this type advertises; undefined for None and Any. */
export function daemonAdType(type: DaemonTypes): AdTypes | undefined {
  return adTypes[type];
}
