/** htcondor-wasm/proxy: the WebSocket-to-TCP relay browsers use to reach HTCondor daemons. */
export { parseAllowRule, type AllowRule } from './allow-list.js';
export { PROTOCOL, type ClientAuth } from './client-auth.js';
export { CloseCode } from './close-codes.js';
export { jsonLinesTo, type LogEvent, type Logger } from './log.js';
export { startProxy, type ProxyOptions, type RunningProxy } from './server.js';
