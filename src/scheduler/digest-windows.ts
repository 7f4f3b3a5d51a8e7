import { Cron } from 'croner';

/** Windows found due for one subscription. */
export interface DueWindows {
  /** The latest scheduled run time at or before `now`, after `after`; null when none is due. */
  latest: Date | null;
  /** How many run times fell in (after, now]; more than one means windows were missed. */
  count: number;
}

/** Stop counting missed runs here: a minutely schedule after a month offline needs no exact tally. */
const MAX_COUNTED_RUNS = 1000;

/**
 * The scheduled run times of a cron pattern in a timezone that fall after `after` and at or before `now`,
 * computed with croner without waiting for any of them.
 */
export function dueWindows(pattern: string, timezone: string, after: Date, now: Date): DueWindows {
  const cron = new Cron(pattern, { timezone, paused: true });
  let latest: Date | null = null;
  let count = 0;
  let cursor: Date | null = cron.nextRun(after);
  while (cursor !== null && cursor.getTime() <= now.getTime() && count < MAX_COUNTED_RUNS) {
    latest = cursor;
    count += 1;
    cursor = cron.nextRun(cursor);
  }
  if (count === MAX_COUNTED_RUNS) latest = cron.previousRuns(1, now)[0] ?? latest;
  cron.stop();
  return { latest, count };
}

/** The next run time after `after`, or null when the pattern never runs again. */
export function nextWindow(pattern: string, timezone: string, after: Date): Date | null {
  const cron = new Cron(pattern, { timezone, paused: true });
  const next = cron.nextRun(after);
  cron.stop();
  return next;
}

/** Validates a cron pattern and timezone; returns a message naming the problem, or null when both are fine. */
export function scheduleProblem(pattern: string, timezone: string): string | null {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
  } catch {
    return `"${timezone}" is not a timezone I know; use an IANA name such as Europe/Berlin or America/New_York.`;
  }
  try {
    const cron = new Cron(pattern, { timezone, paused: true });
    const next = cron.nextRun();
    cron.stop();
    if (next === null) return `The schedule "${pattern}" never runs.`;
  } catch (error) {
    return `"${pattern}" is not a cron schedule (${(error as Error).message}); for weekdays at 09:00 use "0 9 * * 1-5".`;
  }
  return null;
}
