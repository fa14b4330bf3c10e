'use client';
import { useState, type FormEvent, type ReactNode } from 'react';
import type { Field } from '@/codegen/design';
import { TypedFieldInput } from '../ui/TypedFieldInput';
import { coerceValues, initialValues, type RawValues } from '../ui/typed-values';
import { fieldTypeLabel, type MessageRule } from './message-rules';

interface Props {
  kind: 'signal' | 'query' | 'update';
  name: string;
  title: string;
  description?: string;
  parameters: Field[];
  /** An update's validator rules, shown before the operator sends. */
  rules?: MessageRule[];
  submitLabel: string;
  disabled?: boolean;
  onSubmit: (args: Record<string, unknown>) => Promise<void>;
  children?: ReactNode;
}

/** One form per message handler, inputs typed by parameter type. */
export function MessageForm({ kind, name, title, description, parameters, rules = [], submitLabel, disabled, onSubmit, children }: Props) {
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
      {parameters.length === 0 && <p className="muted small">No arguments.</p>}
      {parameters.map((p) => (
        <div key={p.name} className="msg-form__field">
          <TypedFieldInput field={p} testId={`${kind}-${name}-${p.name}`} value={values[p.name] ?? ''}
            onChange={(v) => setValues((prev) => ({ ...prev, [p.name]: v }))} />
          <span className="msg-form__type" data-testid={`${kind}-${name}-${p.name}-type`}>
            {fieldTypeLabel(p)}{p.required ? ', required' : ''}
          </span>
        </div>
      ))}
      {rules.length > 0 && (
        <div className="msg-form__rules" data-testid={`${kind}-rules-${name}`}>
          <span className="msg-form__rules-title">Accepted only if</span>
          <ul>
            {rules.map((rule, i) => (
              <li key={i} data-testid="message-rule">
                <span>{rule.words ?? <code>{rule.condition}</code>}</span>
                {rule.words && <code className="muted" title="The condition as the design states it">{rule.condition}</code>}
                <span className="muted">otherwise: “{rule.message}”</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {invalid && <p className="field-msg field-msg--error">{invalid}</p>}
      <button type="submit" className="btn btn--sm" data-testid={`${kind}-submit-${name}`} disabled={busy || disabled}>
        {busy ? 'Sending…' : submitLabel}
      </button>
      {children}
    </form>
  );
}
