/**
 * How a request reads at a glance, in the viewer's locale: its amount as money ("1,500.00"), its
 * first text fields, its deadline ("Fri 5 Dec, 14:00 · in 2 days" / "overdue by 3 h") and its age
 * ("opened 3 h ago"). Pure and browser-safe; `now` and `locale` are parameters for the tests.
 */
import type { RequestField } from '@/lib/approvals/spec';
import { formatIsoDate } from '../ui/locale-date';

/** The exact decimal text ("1500.5") grouped and with at least two decimals in `locale`, never through a float. */
export function formatMoney(value: unknown, locale: string): string {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return typeof value === 'string' ? value : JSON.stringify(value);
  const [, sign, integer, fraction = ''] = match;
  const digits = Math.max(2, fraction.length);
  const grouped = new Intl.NumberFormat(locale, { useGrouping: true }).format(BigInt(integer!));
  const decimal = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
  return `${sign}${grouped}${decimal}${fraction.padEnd(digits, '0')}`;
}

/** A field's value as people read it: money formatted, dates in the locale ("24. Dez. 2026"), yes/no, text as is. */
export function formatFieldValue(field: Pick<RequestField, 'type'> | undefined, value: unknown, locale: string): string {
  if (field?.type === 'money') return formatMoney(value, locale);
  if (field?.type === 'date') return formatIsoDate(value, locale);
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return new Intl.NumberFormat(locale).format(value);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export interface SummaryItem {
  name: string;
  label: string;
  value: string;
}

/** What an inbox row shows of a request: its amounts first, then its dates, then its first text fields; at most `limit`. */
export function summaryOf(fields: readonly RequestField[], values: Record<string, unknown>, locale: string, limit = 3): SummaryItem[] {
  const present = fields.filter((f) => values[f.name] !== undefined && values[f.name] !== '');
  const ordered = [...present.filter((f) => f.type === 'money'), ...present.filter((f) => f.type === 'date'), ...present.filter((f) => f.type === 'string'), ...present.filter((f) => f.type === 'number')];
  return ordered.slice(0, limit).map((f) => ({ name: f.name, label: f.label || f.name, value: formatFieldValue(f, values[f.name], locale) }));
}

const UNITS: [number, string][] = [
  [86_400_000, 'day'],
  [3_600_000, 'h'],
  [60_000, 'min'],
];

/** "2 days", "1 day 23 h" (hours kept below three days: "1 day" would be off by almost a day), "3 h", "5 min", "less than a minute". */
export function spanText(ms: number): string {
  for (const [size, unit] of UNITS) {
    if (ms >= size) {
      const n = Math.floor(ms / size);
      if (unit !== 'day') return `${n} ${unit}`;
      const hours = Math.floor((ms - n * size) / 3_600_000);
      return `${n} day${n === 1 ? '' : 's'}${n < 3 && hours > 0 ? ` ${hours} h` : ''}`;
    }
  }
  return 'less than a minute';
}

/** "opened 3 h ago" (or "opened just now"). */
export function ageText(submittedAt: string, now: number): string {
  const ms = now - new Date(submittedAt).getTime();
  return ms < 60_000 ? 'opened just now' : `opened ${spanText(ms)} ago`;
}

/** The deadline as a date and as how far off it is: `relative` is "in 2 days" or "overdue by 3 h". */
export function deadlineText(deadline: string, now: number, locale: string): { absolute: string; relative: string; overdue: boolean } {
  const at = new Date(deadline);
  const ms = at.getTime() - now;
  const absolute = at.toLocaleString(locale, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  return ms >= 0 ? { absolute, relative: `in ${spanText(ms)}`, overdue: false } : { absolute, relative: `overdue by ${spanText(-ms)}`, overdue: true };
}

/** A person as people read them: their display name when the server gave one, else the text as is ("role approver"). */
export function personName(people: Record<string, string> | undefined, who: string): string {
  return people?.[who] ?? who;
}
