/** Dates and counts as a reader sees them; pure, so pages render the same everywhere (always UTC). */

const DAY_FORMAT = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
const SHORT_DAY_FORMAT = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });

/** The calendar day of an ISO date or date-time (`2024-09-30`), or null when it is not a date. */
export function isoDay(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? null : new Date(time).toISOString().slice(0, 10);
}

/** "Sep 30, 2024"; "undated" when there is no date. */
export function readableDay(iso: string | null | undefined): string {
  const day = isoDay(iso);
  return day ? DAY_FORMAT.format(new Date(`${day}T00:00:00Z`)) : 'undated';
}

/** "Sep 30" (chart labels). */
export function shortDay(day: string): string {
  return SHORT_DAY_FORMAT.format(new Date(`${day}T00:00:00Z`));
}

/** "Sep 28 – Sep 30, 2024", or one day when both ends are the same. */
export function readableSpan(first: string | null, last: string | null): string {
  const from = readableDay(first);
  const to = readableDay(last);
  return from === to ? from : `${from} – ${to}`;
}

/** "1 article", "3 articles". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? singular : pluralForm}`;
}
