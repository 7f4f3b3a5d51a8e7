import { isoDay } from './web-format.js';

/** Articles published on one day (or in one bucket of days, starting that day). */
export interface DayCount {
  day: string;
  count: number;
}

/** A story's publication rhythm: one bar per day (or per few days for long stories), gaps included. */
export interface ArticlesPerDay {
  bars: DayCount[];
  /** Days each bar covers (1 unless the story spans more than `maxBars` days). */
  daysPerBar: number;
  /** Articles without a usable date, left out of the bars. */
  undated: number;
  total: number;
}

const DAY_MS = 86_400_000;

/**
 * Counts articles per calendar day (UTC) from their published dates, from the first to the last day with
 * empty days as zero bars, so quiet spells show. Long stories are bucketed so there are at most `maxBars` bars.
 */
export function articlesPerDay(dates: ReadonlyArray<string | null>, maxBars = 60): ArticlesPerDay {
  const counts = new Map<string, number>();
  let undated = 0;
  for (const date of dates) {
    const day = isoDay(date);
    if (day === null) undated += 1;
    else counts.set(day, (counts.get(day) ?? 0) + 1);
  }
  const days = [...counts.keys()].sort();
  const first = days[0];
  const last = days.at(-1);
  if (first === undefined || last === undefined) return { bars: [], daysPerBar: 1, undated, total: dates.length };
  const start = Date.parse(`${first}T00:00:00Z`);
  const span = Math.round((Date.parse(`${last}T00:00:00Z`) - start) / DAY_MS) + 1;
  const daysPerBar = Math.max(1, Math.ceil(span / maxBars));
  const bars: DayCount[] = [];
  for (let offset = 0; offset < span; offset += daysPerBar) {
    let count = 0;
    for (let day = offset; day < Math.min(span, offset + daysPerBar); day += 1) {
      count += counts.get(new Date(start + day * DAY_MS).toISOString().slice(0, 10)) ?? 0;
    }
    bars.push({ day: new Date(start + offset * DAY_MS).toISOString().slice(0, 10), count });
  }
  return { bars, daysPerBar, undated, total: dates.length };
}
