/** htcondor-wasm/proxy: the WebSocket-to-TCP relay browsers use to reach HTCondor daemons, and its stream protocol. */
export { parseAllowRule, type AllowRule } from './allow-list.js';
export { PROTOCOL, type ClientAuth } from './client-auth.js';
export { CloseCode } from './close-codes.js';
export { jsonLinesTo, type LogEvent, type Logger } from './log.js';
export { startProxy, type ProxyOptions, type RunningProxy } from './server.js';
export {
  decodeMessage, encodeClose, encodeCredit, encodeData, encodeHello, encodeOpen, encodeOpened, FrameType, ProtocolViolation, VERSION,
  type Frame,
} from './mux-protocol.js';
