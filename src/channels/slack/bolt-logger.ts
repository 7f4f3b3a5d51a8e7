import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../app/logger.js';

/** Routes Bolt's logging into the project's pino logger, so Slack's messages share one format and level. */
export function boltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ channel: 'slack' });
  let level: LogLevel = LogLevel.INFO;
  const text = (parts: unknown[]): string => parts.map((part) => (typeof part === 'string' ? part : JSON.stringify(part))).join(' ');
  return {
    debug: (...parts: unknown[]) => child.debug(text(parts)),
    info: (...parts: unknown[]) => child.info(text(parts)),
    warn: (...parts: unknown[]) => child.warn(text(parts)),
    error: (...parts: unknown[]) => child.error(text(parts)),
    // Levels are pino's business; Bolt only needs its setter and getter to work.
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
