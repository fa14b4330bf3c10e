'use client';
import { useState, type FormEvent, type ReactNode } from 'react';
import type { Field } from '@/codegen/design';
import { TypedFieldInput } from '../ui/TypedFieldInput';
import { coerceValues, initialValues, type RawValues } from '../ui/typed-values';

interface Props {
  kind: 'signal' | 'query' | 'update';
  name: string;
  title: string;
  description?: string;
  parameters: Field[];
  submitLabel: string;
  disabled?: boolean;
  onSubmit: (args: Record<string, unknown>) => Promise<void>;
  children?: ReactNode;
}

/** One form per message handler, inputs typed by parameter type. */
export function MessageForm({ kind, name, title, description, parameters, submitLabel, disabled, onSubmit, children }: Props) {
  const [values, setValues] = useState<RawValues>(() => initialValues(parameters));
  const [busy, setBusy] = useState(false);
  const [invalid, setInvalid] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const coerced = coerceValues(parameters, values);
    if ('error' in coerced) return setInvalid(coerced.error);
    setInvalid(null);
    setBusy(true);
    try {
      await onSubmit(coerced.value);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className={`msg-form msg-form--${kind}`} data-testid={`${kind}-form-${name}`} onSubmit={submit}>
      <header>
        <span className={`kind-chip fam-${kind}`}>{kind}</span>
        <strong>{title}</strong> <code className="muted">{name}</code>
      </header>
      {description && <p className="muted small">{description}</p>}
      {parameters.map((p) => (
        <TypedFieldInput key={p.name} field={p} testId={`${kind}-${name}-${p.name}`} value={values[p.name] ?? ''}
          onChange={(v) => setValues((prev) => ({ ...prev, [p.name]: v }))} />
      ))}
      {invalid && <p className="field-msg field-msg--error">{invalid}</p>}
      <button type="submit" className="btn btn--sm" data-testid={`${kind}-submit-${name}`} disabled={busy || disabled}>
        {busy ? 'Sending…' : submitLabel}
      </button>
      {children}
    </form>
  );
}
