import { pino, type Logger } from 'pino';

export type { Logger };

/** Logs go to stderr so that stdout stays clean for answers and JSON output. */
export function createLogger(level: string): Logger {
  return pino({ level, base: null }, pino.destination(2));
}
