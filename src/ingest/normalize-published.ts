/**
 * Publication dates arrive as ISO strings, RFC 2822 strings ("Mon, 30 Sep 2024 10:00:00 GMT"), prose
 * ("September 30, 2024"), YAML dates, epoch numbers, and from files and feeds alike. Storydesk keeps one shape:
 * YYYY-MM-DD when only a day is known, a full ISO date-time otherwise. A time without a zone
 * ("2024-09-30 23:30") is read as UTC: the machine's own zone says nothing about the outlet's, and the same
 * input must give the same instant on every machine.
 */

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A time of day somewhere in the text ("10:00", "T10"). */
const HAS_TIME = /\d{1,2}:\d{2}|T\d{2}/;
/** An ISO-style date-time ("2024-09-30T23:30", "2024-09-30 23:30:15.5"). */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d/;
/** The text ends in a zone: "Z", "+02:00", "-0400", "GMT", "UTC", "EDT", "GMT+0200". */
const ENDS_IN_ZONE = /(?:(?<=[\d\s])Z|[+-]\d{2}(?::?\d{2})?|\b(?:GMT|UTC|UT|[ECMP][SD]T)(?:[+-]\d{2}:?\d{2})?)$/i;

/** A publication date as ISO (date-only values stay YYYY-MM-DD), or null when there is none or it is unreadable. */
export function normalizePublished(value: unknown): string | null {
  if (value instanceof Date) return fromDate(value);
  if (typeof value === 'number') return fromEpoch(value);
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (text === '') return null;
  const dateOnly = DATE_ONLY.exec(text);
  if (dateOnly) return isRealDay(Number(dateOnly[1]), Number(dateOnly[2]), Number(dateOnly[3])) ? text : null;
  if (/^\d{9,13}$/.test(text)) return fromEpoch(Number(text));
  const parsed = parseAsUtcUnlessZoned(text);
  if (Number.isNaN(parsed)) return null;
  const date = new Date(parsed);
  // "September 30, 2024" is read as UTC midnight: keep the day the text names.
  if (!HAS_TIME.test(text)) return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  return date.toISOString();
}

/** `Date.parse`, except that a text without a zone is read in UTC rather than in the machine's zone. */
function parseAsUtcUnlessZoned(text: string): number {
  if (ENDS_IN_ZONE.test(text)) return Date.parse(text);
  if (ISO_DATE_TIME.test(text)) return Date.parse(`${text.replace(' ', 'T')}Z`);
  return Date.parse(`${text} UTC`);
}

/** YAML front matter turns `2024-09-30` into a Date at UTC midnight: that is a day, not an instant. */
function fromDate(date: Date): string | null {
  if (Number.isNaN(date.getTime())) return null;
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

/** Seconds or milliseconds since 1970, told apart by size. */
function fromEpoch(value: number): string | null {
  if (!Number.isFinite(value) || value <= 0) return null;
  const date = new Date(value < 1e11 ? value * 1000 : value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function isRealDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
