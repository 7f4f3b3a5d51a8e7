import { Cron } from 'croner';

/** The feed poll schedule: a cron pattern, in its timezone or else the host's, as the poller's Cron runs it. */
export interface PollSchedule {
  pattern: string;
  timezone?: string;
}

/** The next two runs of the schedule strictly after `at` (fewer if it stops). */
function nextRuns(schedule: PollSchedule, at: Date): Date[] {
  const cron = new Cron(schedule.pattern, { paused: true, ...(schedule.timezone ? { timezone: schedule.timezone } : {}) });
  const runs = cron.nextRuns(2, at);
  cron.stop();
  return runs;
}

/**
 * The start of the poll interval after the one `at` is in: the schedule's next run after `at`, exactly (not a
 * moment before). Far in the future when the schedule never runs again.
 */
export function nextPollRun(schedule: PollSchedule, at: Date): Date {
  return nextRuns(schedule, at)[0] ?? new Date(8.64e15);
}

/** How long a poll interval lasts around `at`: the time between the schedule's next two runs; null if it stops. */
export function pollIntervalMs(schedule: PollSchedule, at: Date): number | null {
  const [first, second] = nextRuns(schedule, at);
  return first && second ? second.getTime() - first.getTime() : null;
}
