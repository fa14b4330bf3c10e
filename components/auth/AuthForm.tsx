'use client';
import type { FormEvent, ReactNode } from 'react';
import { useState } from 'react';

export interface ApiFailure {
  message: string;
  field?: string;
}

/** Posts the form's fields as JSON to `action`; on success goes to `then` (a full load, so the layout shows the user). */
export function AuthForm({
  action,
  then,
  submitLabel,
  busyLabel,
  check,
  children,
  testId,
}: {
  action: string;
  then: string;
  submitLabel: string;
  busyLabel: string;
  /** A problem to show instead of submitting (e.g. passwords that differ). */
  check?: (values: Record<string, string>) => ApiFailure | null;
  children: ReactNode;
  testId: string;
}) {
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = Object.fromEntries([...new FormData(event.currentTarget).entries()].map(([k, v]) => [k, String(v)]));
    const problem = check?.(values) ?? null;
    if (problem) return setFailure(problem);
    setBusy(true);
    setFailure(null);
    try {
      const response = await fetch(action, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(values) });
      if (response.ok) {
        window.location.assign(then);
        return;
      }
      const body = (await response.json().catch(() => null)) as { error?: ApiFailure } | null;
      setFailure(body?.error ?? { message: `The server answered ${response.status}` });
    } catch {
      setFailure({ message: 'The server could not be reached. Is Signalbox running?' });
    }
    setBusy(false);
  }

  return (
    <form className="auth-form" onSubmit={submit} data-testid={testId} noValidate>
      {children}
      {failure && (
        <p className="auth-form__error" role="alert" data-testid="form-error">
          {failure.message}
        </p>
      )}
      <button type="submit" className="btn btn--primary" disabled={busy} data-testid="submit">
        {busy ? busyLabel : submitLabel}
      </button>
    </form>
  );
}

export function TextField({
  name,
  label,
  type = 'text',
  autoComplete,
  hint,
  autoFocus,
}: {
  name: string;
  label: string;
  type?: string;
  autoComplete?: string;
  hint?: string;
  autoFocus?: boolean;
}) {
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <input className="input" name={name} type={type} autoComplete={autoComplete} autoFocus={autoFocus} data-testid={`field-${name}`} required />
      {hint && <span className="field__hint">{hint}</span>}
    </label>
  );
}
