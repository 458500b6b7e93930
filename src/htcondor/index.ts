// The `htcondor` module of the Python bindings.
export { AdTypes } from './ad-types.js';
export { Collector, type CollectorOptions } from './collector.js';
export { DaemonTypes } from './daemon-types.js';
export { JobEvent } from './job-event.js';
export { JobEventLog, type EventsOptions, type JobEventLogOptions, type JobEventLogSource } from './job-event-log.js';
export { FileTransferEventType, JobEventType } from './job-event-type.js';
export type { ConnectionOptions } from './connection.js';
export { QueueItemsIterator, type QueueItem } from './queue-items-iterator.js';
export { SecMan } from './secman.js';
export { Submit, type DagOptions, type DryRun, type JobsOptions, type SubmitOptions } from './submit.js';
export { SubmitJobsIterator } from './submit-jobs-iterator.js';
export { Token } from './token.js';
export { TokenRequest } from './token-request.js';
export { platform, version } from './version.js';
