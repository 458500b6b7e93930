/**
 * Structured logs: one JSON object per line. Callers pass only what is safe to log: addresses,
 * counts, codes and reasons, never request headers or payload bytes (they carry credentials).
 */
export type LogEvent = Record<string, string | number | boolean | undefined>;
export type Logger = (event: LogEvent) => void;

export const jsonLinesTo =
  (write: (line: string) => void): Logger =>
  (event) =>
    write(`${JSON.stringify({ time: new Date().toISOString(), ...event })}\n`);

export const silent: Logger = () => {};
