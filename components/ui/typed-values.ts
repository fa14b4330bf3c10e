import type { Field } from '@/codegen/design';

const MONEY = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?$/;

/** Raw form values: text for strings and numbers (as typed), booleans for checkboxes. */
export type RawValues = Record<string, string | boolean>;

export function initialValues(fields: readonly Field[]): RawValues {
  return Object.fromEntries(fields.map((f) => [f.name, f.type === 'boolean' ? false : '']));
}

/** Turns raw form values into the typed object a workflow or handler expects, or explains what is wrong. */
export function coerceValues(fields: readonly Field[], raw: RawValues): { value: Record<string, unknown> } | { error: string } {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = raw[f.name];
    const label = f.label || f.name;
    if (f.type === 'boolean') {
      out[f.name] = v === true;
      continue;
    }
    const text = typeof v === 'string' ? v : '';
    if (f.type === 'money') {
      if (text.trim() === '') {
        if (f.required) return { error: `${label} is required.` };
        continue;
      }
      // Exact decimal text, never a float: "1299.99" travels as written.
      if (!MONEY.test(text.trim())) return { error: `${label} must be an amount such as 1299.99.` };
      out[f.name] = text.trim();
      continue;
    }
    if (f.type === 'list') {
      const parsed = parseList(text, f.items ?? 'string');
      if ('error' in parsed) return { error: `${label}: ${parsed.error}` };
      if (f.required && parsed.value.length === 0) return { error: `${label} needs at least one item.` };
      out[f.name] = parsed.value;
      continue;
    }
    if (f.type === 'number') {
      if (text.trim() === '') {
        if (f.required) return { error: `${label} is required.` };
        continue;
      }
      const n = Number(text);
      if (!Number.isFinite(n)) return { error: `${label} must be a number.` };
      out[f.name] = n;
      continue;
    }
    if (f.required && text === '') return { error: `${label} is required.` };
    out[f.name] = text;
  }
  return { value: out };
}

/** A list typed one item per line (numbers and amounts checked), or a JSON array for records. */
function parseList(text: string, items: NonNullable<Field['items']>): { value: unknown[] } | { error: string } {
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
    if (items === 'number') {
      const n = Number(line);
      if (!Number.isFinite(n)) return { error: `line ${i + 1} is not a number` };
      value.push(n);
    } else if (items === 'money') {
      if (!MONEY.test(line)) return { error: `line ${i + 1} is not an amount such as 1299.99` };
      value.push(line);
    } else if (items === 'boolean') {
      if (line !== 'true' && line !== 'false') return { error: `line ${i + 1} must be true or false` };
      value.push(line === 'true');
    } else {
      value.push(line);
    }
  }
  return { value };
}
