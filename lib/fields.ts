/**
 * Checks a value (workflow input, handler arguments) against typed fields from a design, and
 * fills in missing optional fields with their type's empty value ("" / 0 / false): generated
 * code declares every field as present.
 */
import 'server-only';
import type { Field } from '@/codegen/design';
import { InputError } from './errors';

type FieldValue = string | number | boolean | unknown[];
export type FieldValues = Record<string, FieldValue>;

const EMPTY: Record<Field['type'], () => FieldValue> = { string: () => '', number: () => 0, boolean: () => false, money: () => '0', list: () => [] };

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

/** `what` names the thing in messages, e.g. "input" or 'the arguments of signal "approve"'. */
export function checkFields({ fields, value, what }: { fields: readonly Field[]; value: unknown; what: string }): FieldValues {
  const given = value ?? {};
  if (typeof given !== 'object' || Array.isArray(given)) {
    throw new InputError(`${capitalise(what)} must be an object with the fields ${fields.map((f) => f.name).join(', ') || '(none)'}`, 'input.invalid');
  }
  const record = given as Record<string, unknown>;
  const known = new Set(fields.map((f) => f.name));
  for (const name of Object.keys(record)) {
    if (!known.has(name)) {
      const expected = fields.length ? `expected ${fields.map((f) => f.name).join(', ')}` : 'it takes no fields';
      throw new InputError(`Unknown field "${name}" in ${what} (${expected})`, 'input.unknown-field', name);
    }
  }
  const out: FieldValues = {};
  for (const field of fields) {
    const raw = record[field.name];
    const label = field.label ? `"${field.name}" (${field.label})` : `"${field.name}"`;
    if (raw === undefined || raw === null) {
      if (field.required) throw new InputError(`Field ${label} of ${what} is required`, 'input.missing-field', field.name);
      out[field.name] = EMPTY[field.type]();
      continue;
    }
    const ok =
      (field.type === 'string' && typeof raw === 'string') ||
      (field.type === 'number' && typeof raw === 'number' && Number.isFinite(raw)) ||
      (field.type === 'boolean' && typeof raw === 'boolean') ||
      // money travels as an exact decimal string ("1299.99"); list items are checked by the workflow
      (field.type === 'money' && typeof raw === 'string' && /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?$/.test(raw)) ||
      (field.type === 'list' && Array.isArray(raw));
    if (!ok && field.type === 'money') {
      // In words: the API takes amounts in one exact format (the forms read the user's own, components/ui/locale-number.ts).
      const hint = 'digits with "." before the cents, no thousands separators or currency sign';
      throw new InputError(`Field ${label} of ${what}: write the amount like 1500.00 (${hint}), not ${typeof raw === 'string' ? JSON.stringify(raw) : describe(raw)}`, 'input.wrong-type', field.name);
    }
    if (!ok) {
      throw new InputError(`Field ${label} of ${what} must be a ${field.type}, got ${describe(raw)}`, 'input.wrong-type', field.name);
    }
    out[field.name] = raw as FieldValue;
  }
  return out;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
