/**
 * Calendar dates (a day, no time) as the API and the workflows carry them: ISO text "2026-12-24".
 * Pure and browser-safe: the server checks requests with it, the forms read typed dates into it
 * (components/ui/locale-date.ts).
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** How many days `month` (1-12) of `year` has. */
export function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whether `text` is "YYYY-MM-DD" naming a day that exists (2026-02-30 does not; 2028-02-29 does). */
export function isIsoCalendarDate(text: unknown): text is string {
  if (typeof text !== 'string') return false;
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  return year >= 1000 && month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month);
}
