import type { Field } from '../../codegen/schema/design';

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
