// The worker's entry in browsers (a module Web Worker): serves the core host over Comlink.
import * as Comlink from 'comlink';

import '../src/core/error-transfer.js';
import { createCoreHost } from './host.js';
import { transferringRecords } from './transfer-results.js';

Comlink.expose(transferringRecords(createCoreHost()));
