/**
 * The check at the door for a process's date fields: the design language has no date type, so the
 * deployed design declares them as text (./generate.ts) and only the process's own spec knows they
 * are dates. A request whose date is not a real "YYYY-MM-DD" day is refused (400, naming the field)
 * before anything is written or started.
 */
import 'server-only';
import { isIsoCalendarDate } from '../calendar-date';
import { InputError } from '../errors';
import type { RequestField } from './spec';

export function refuseBadDates(fields: readonly RequestField[], values: Record<string, unknown>): void {
  for (const field of fields) {
    const value = values[field.name];
    if (field.type !== 'date' || value === undefined || value === null) continue;
    if (value === '' && !field.required) continue;
    if (isIsoCalendarDate(value)) continue;
    const label = field.label ? `"${field.name}" (${field.label})` : `"${field.name}"`;
    const given = typeof value === 'string' ? JSON.stringify(value) : `${typeof value} ${JSON.stringify(value)}`;
    throw new InputError(`Field ${label}: write a date like 2026-12-24 (year-month-day, a day that exists), not ${given}`, 'input.wrong-type', `fields.${field.name}`);
  }
}
