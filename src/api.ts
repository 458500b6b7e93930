// The public API, the same for every entry point; each entry installs its own core first.
export * as classad from './classad/index.js';
export * as htcondor from './htcondor/index.js';
export {
  HTCondorEnumError,
  HTCondorException,
  HTCondorInternalError,
  HTCondorIOError,
  HTCondorLocateError,
  HTCondorReplyError,
  HTCondorTypeError,
  HTCondorValueError,
} from './errors.js';
