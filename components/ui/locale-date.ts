/**
 * Calendar dates (no time) as people type them in their own locale — "24.12.2026" (de),
 * "12/24/2026" (en-US), "24/12/2026" (en-GB, fr), "2026-12-24" anywhere — read into the ISO text
 * the workflows carry ("2026-12-24"), and ISO dates shown back in the viewer's locale. Pure and
 * browser-safe; what counts as an ISO date is lib/calendar-date.ts (the server's check at the door).
 *
 * The rules, ambiguity included:
 * - "YYYY-MM-DD" (and a year first with any separator) is read as year, month, day in every locale.
 * - Otherwise the locale's own order decides (Intl): day/month/year in de, en-GB, fr;
 *   month/day/year in en-US. "03/04/2026" is 3 April in en-GB and March 4 in en-US.
 * - Never guessed: a two-digit year, mixed separators, a date that only works in the other order
 *   ("12/24/2026" in en-GB) and impossible dates ("31/02/2026") are refused with how to write it.
 */

import { daysIn, isIsoCalendarDate } from '@/lib/calendar-date';

export { isIsoCalendarDate };

export type DateReading = { value: string } | { error: string };
type Order = 'dmy' | 'mdy' | 'ymd';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The order `locale` writes day, month and year in (en-US for an unknown locale). */
export function dateOrderOf(locale: string): Order {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(Date.UTC(2026, 11, 24)));
  } catch {
    return 'mdy';
  }
  const order = parts.filter((p) => p.type === 'day' || p.type === 'month' || p.type === 'year').map((p) => p.type.charAt(0)).join('');
  return order === 'dmy' || order === 'ymd' ? order : 'mdy';
}

/** 24 December 2026 as `locale` writes it with digits ("24.12.2026", "12/24/2026"): the form's placeholder. */
export function exampleDate(locale: string): string {
  return formatIsoDate('2026-12-24', locale, 'numeric');
}

const ORDER_WORDS: Record<Order, string> = { dmy: 'day/month/year', mdy: 'month/day/year', ymd: 'year-month-day' };

/** Reads a date typed in `locale` into "YYYY-MM-DD", or says in words what is wrong with it. */
export function readLocaleDate(text: string, locale: string): DateReading {
  const typed = text.trim().replace(/\.$/, ''); // "24.12.2026." as some write it in de
  const order = dateOrderOf(locale);
  const howTo = `write it like ${exampleDate(locale)} or 2026-12-24`;
  const parts = typed.split(/\s*[./-]\s*|\s+/);
  const separators = new Set(typed.match(/[./-]/g) ?? []);
  if (parts.length !== 3 || !parts.every((p) => /^\d{1,4}$/.test(p))) return { error: `${typed || 'this'} is not a date: ${howTo}` };
  if (separators.size > 1) return { error: `${typed} mixes separators: ${howTo}` };
  const yearFirst = parts[0]!.length === 4;
  const [y, m, d] = yearFirst ? [parts[0], parts[1], parts[2]] : order === 'mdy' ? [parts[2], parts[0], parts[1]] : [parts[2], parts[1], parts[0]];
  if (y!.length !== 4 || Number(y) < 1000) return { error: `${typed}: write the year with four digits (${howTo})` };
  if (!yearFirst && order === 'ymd') return { error: `${typed}: start with the year (${howTo})` };
  const [year, month, day] = [Number(y), Number(m), Number(d)];
  if (month > 12 && !yearFirst && day <= 12) {
    // It would be a date the other way round: that is a guess, never made.
    return { error: `${typed} is not a date in ${ORDER_WORDS[order]} order (${month} is not a month): ${howTo}` };
  }
  if (month < 1 || month > 12) return { error: `${typed} is not a date (${month} is not a month): ${howTo}` };
  if (day < 1 || day > daysIn(year, month)) return { error: `${typed} is not a date (${MONTHS[month - 1]} ${year} has ${daysIn(year, month)} days)` };
  return { value: `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}

/**
 * An ISO date shown in `locale`: "24 Dec 2026" / "Dec 24, 2026" (`medium`), or with digits as the
 * locale types them (`numeric`). Anything else is shown as it is.
 */
export function formatIsoDate(value: unknown, locale: string, style: 'medium' | 'numeric' = 'medium'): string {
  if (!isIsoCalendarDate(value)) return typeof value === 'string' ? value : JSON.stringify(value);
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const options: Intl.DateTimeFormatOptions =
    style === 'numeric' ? { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' } : { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' };
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat(locale, options);
  } catch {
    format = new Intl.DateTimeFormat('en-US', options);
  }
  // UTC on both sides: the calendar day never shifts with the viewer's time zone.
  return format.format(new Date(Date.UTC(year, month - 1, day)));
}
