'use client';
import { DateFieldInput } from './DateFieldInput';
import { exampleAmount, userLocale } from './locale-number';
import type { FormField } from './typed-values';

interface Props {
  field: FormField;
  value: string | boolean;
  onChange: (value: string | boolean) => void;
  testId: string;
  /** What is wrong with the value, shown under the input (and announced with it). */
  error?: string;
}

/**
 * One input for a typed field: a checkbox for booleans, text otherwise — amounts and numbers too,
 * typed the way the user's locale writes them (a number box would refuse "1,500.00" in en and
 * "1.500,00" in de before the form could read it).
 */
export function TypedFieldInput({ field, value, onChange, testId, error }: Props) {
  const label = field.label || field.name;
  const errorId = `${testId}-error`;
  const problem = error ? (
    <span className="field-msg field-msg--error" id={errorId} data-testid={errorId} role="alert">
      {error}
    </span>
  ) : null;
  if (field.type === 'boolean') {
    return (
      <label className="check">
        <input type="checkbox" name={field.name} data-testid={testId} checked={value === true} onChange={(e) => onChange(e.target.checked)} />
        <span>{label}</span>
      </label>
    );
  }
  if (field.type === 'date') {
    return <DateFieldInput name={field.name} label={label} required={field.required} value={typeof value === 'string' ? value : ''}
      onChange={onChange} testId={testId} error={error} errorId={errorId} problem={problem} />;
  }
  if (field.type === 'list') {
    return (
      <label className="field">
        <span className="field__label">{label}{field.required && <span className="req" aria-label="required"> *</span>}</span>
        <textarea className="input input--code" name={field.name} data-testid={testId} rows={3}
          placeholder={field.items === 'object' ? '[{"sku": "book"}]' : 'one item per line'}
          value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value)}
          aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined} />
        {problem}
      </label>
    );
  }
  return (
    <label className="field">
      <span className="field__label">{label}{field.required && <span className="req" aria-label="required"> *</span>}</span>
      <input className="input" name={field.name} data-testid={testId} type="text" inputMode={field.type === 'money' || field.type === 'number' ? 'decimal' : undefined}
        placeholder={field.type === 'money' ? `e.g. ${exampleAmount(userLocale())}` : undefined}
        required={field.required} value={typeof value === 'string' ? value : ''}
        onChange={(e) => onChange(e.target.value)} autoComplete="off"
        aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined} />
      {problem}
    </label>
  );
}
