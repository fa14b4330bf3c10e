'use client';
import type { Field } from '@/codegen/design';

interface Props {
  field: Field;
  value: string | boolean;
  onChange: (value: string | boolean) => void;
  testId: string;
}

/** One input for a typed field: a checkbox for booleans, a number box for numbers, text otherwise. */
export function TypedFieldInput({ field, value, onChange, testId }: Props) {
  const label = field.label || field.name;
  if (field.type === 'boolean') {
    return (
      <label className="check">
        <input type="checkbox" name={field.name} data-testid={testId} checked={value === true} onChange={(e) => onChange(e.target.checked)} />
        <span>{label}</span>
      </label>
    );
  }
  if (field.type === 'list') {
    return (
      <label className="field">
        <span className="field__label">{label}{field.required && <span className="req" aria-label="required"> *</span>}</span>
        <textarea className="input input--code" name={field.name} data-testid={testId} rows={3}
          placeholder={field.items === 'object' ? '[{"sku": "book"}]' : 'one item per line'}
          value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value)} />
      </label>
    );
  }
  return (
    <label className="field">
      <span className="field__label">{label}{field.required && <span className="req" aria-label="required"> *</span>}</span>
      <input className="input" name={field.name} data-testid={testId} type={field.type === 'number' ? 'number' : 'text'} inputMode={field.type === 'money' ? 'decimal' : undefined}
        placeholder={field.type === 'money' ? 'e.g. 1299.99' : undefined}
        step="any" required={field.required} value={typeof value === 'string' ? value : ''}
        onChange={(e) => onChange(e.target.value)} autoComplete="off" />
    </label>
  );
}
