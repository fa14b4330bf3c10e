import type { Field } from '@/codegen/design';
import { readLocaleDate } from './locale-date';
import { readLocaleDecimal, userLocale } from './locale-number';

/**
 * A form field: a design's field, or a calendar `date` (an approval request's, lib/approvals/spec.ts),
 * typed in the user's locale and sent as ISO text "2026-12-24".
 */
export type FormField = Omit<Field, 'type'> & { type: Field['type'] | 'date' };

/** Raw form values: text for strings and numbers (as typed), booleans for checkboxes. */
export type RawValues = Record<string, string | boolean>;

export function initialValues(fields: readonly FormField[]): RawValues {
  return Object.fromEntries(fields.map((f) => [f.name, f.type === 'boolean' ? false : '']));
}

/**
 * Turns raw form values into the typed object a workflow or handler expects, or explains what is
 * wrong (`field` names the first field in error). Amounts and numbers are read as typed in
 * `locale` (components/ui/locale-number.ts): "1,500.00" in en, "1.500,00" in de → "1500.00".
 */
export function coerceValues(fields: readonly FormField[], raw: RawValues, locale: string = userLocale()): { value: Record<string, unknown> } | { error: string; field: string } {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const result = coerceOne(f, raw[f.name], locale);
    if ('error' in result) return { error: result.error, field: f.name };
    if ('value' in result) out[f.name] = result.value;
  }
  return { value: out };
}

/** Every field's error at once (for inline messages), by field name; empty when all are fine. */
export function fieldErrors(fields: readonly FormField[], raw: RawValues, locale: string = userLocale()): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const f of fields) {
    const result = coerceOne(f, raw[f.name], locale);
    if ('error' in result) errors[f.name] = result.error;
  }
  return errors;
}

/** One field: its typed value, nothing (an optional field left empty), or what is wrong. */
function coerceOne(f: FormField, v: string | boolean | undefined, locale: string): { value: unknown } | { error: string } | { skip: true } {
  const label = f.label || f.name;
  if (f.type === 'boolean') return { value: v === true };
  const text = typeof v === 'string' ? v : '';
  if (f.type === 'date') {
    if (text.trim() === '') return f.required ? { error: `${label}: this is required.` } : { skip: true };
    const read = readLocaleDate(text, locale);
    return 'error' in read ? { error: `${label}: ${read.error}.` } : { value: read.value };
  }
  if (f.type === 'list') {
    const parsed = parseList(text, f.items ?? 'string', locale);
    if ('error' in parsed) return { error: `${label}: ${parsed.error}` };
    if (f.required && parsed.value.length === 0) return { error: `${label}: add at least one item.` };
    return { value: parsed.value };
  }
  if (f.type === 'money' || f.type === 'number') {
    if (text.trim() === '') return f.required ? { error: `${label}: this is required.` } : { skip: true };
    // Money stays exact decimal text, never a float: "1,500.00" travels as "1500.00".
    const read = readLocaleDecimal(text, locale, { what: f.type === 'money' ? 'an amount' : 'a number' });
    if ('error' in read) return { error: `${label}: ${read.error}.` };
    return { value: f.type === 'money' ? read.value : Number(read.value) };
  }
  if (f.required && text === '') return { error: `${label}: this is required.` };
  return { value: text };
}

/** A list typed one item per line (numbers and amounts checked), or a JSON array for records. */
function parseList(text: string, items: NonNullable<Field['items']>, locale: string): { value: unknown[] } | { error: string } {
  if (items === 'object' || text.trim().startsWith('[')) {
    if (text.trim() === '') return { value: [] };
    try {
      const value: unknown = JSON.parse(text);
      return Array.isArray(value) ? { value } : { error: 'write a JSON array, e.g. [{"sku": "a"}]' };
    } catch {
      return { error: 'write a JSON array, e.g. [{"sku": "a"}]' };
    }
  }
  const value: unknown[] = [];
  for (const [i, line] of text.split('\n').map((l) => l.trim()).entries()) {
    if (line === '') continue;
    if (items === 'number' || items === 'money') {
      const read = readLocaleDecimal(line, locale, { what: items === 'money' ? 'an amount' : 'a number' });
      if ('error' in read) return { error: `line ${i + 1}: ${read.error}` };
      value.push(items === 'money' ? read.value : Number(read.value));
    } else if (items === 'boolean') {
      if (line !== 'true' && line !== 'false') return { error: `line ${i + 1} must be true or false` };
      value.push(line === 'true');
    } else {
      value.push(line);
    }
  }
  return { value };
}
