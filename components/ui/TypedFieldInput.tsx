'use client';
import type { Field } from '../../codegen/schema/design';

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
  return (
    <label className="field">
      <span className="field__label">{label}{field.required && <span className="req" aria-label="required"> *</span>}</span>
      <input className="input" name={field.name} data-testid={testId} type={field.type === 'number' ? 'number' : 'text'}
        step="any" required={field.required} value={typeof value === 'string' ? value : ''}
        onChange={(e) => onChange(e.target.value)} autoComplete="off" />
    </label>
  );
}
