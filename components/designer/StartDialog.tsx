'use client';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, errorMessage } from '../api/client';
import { TypedFieldInput } from '../ui/TypedFieldInput';
import { coerceValues, initialValues, type RawValues } from '../ui/typedValues';
import { useDesignerStore } from './DesignerStoreProvider';

/** A form built from the workflow's input fields; starts an execution of the deployed design. */
export function StartDialog({ designId, onClose }: { designId: string; onClose: () => void }) {
  const fields = useDesignerStore((s) => s.workflow.input);
  const [values, setValues] = useState<RawValues>(() => initialValues(fields));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const coerced = coerceValues(fields, values);
    if ('error' in coerced) return setError(coerced.error);
    setBusy(true);
    setError(null);
    try {
      const { workflowId } = await api.startExecution(designId, coerced.value);
      router.push(`/executions/${encodeURIComponent(workflowId)}`);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <dialog ref={dialog} className="dialog" onClose={onClose} onCancel={onClose}>
      <form data-testid="start-form" onSubmit={submit}>
        <h2>Start an execution</h2>
        <p className="muted">Runs the latest deployed version of this design.</p>
        {fields.length === 0 && <p className="muted">This workflow takes no input.</p>}
        {fields.map((f) => (
          <TypedFieldInput key={f.name} field={f} testId={`input-${f.name}`} value={values[f.name] ?? ''}
            onChange={(v) => setValues((prev) => ({ ...prev, [f.name]: v }))} />
        ))}
        {error && <p className="banner banner--error" data-testid="start-error">{error}</p>}
        <div className="dialog__actions">
          <button type="button" className="btn btn--ghost" onClick={onClose}>Cancel</button>
          <button type="submit" className="btn btn--primary" data-testid="start-submit" disabled={busy}>
            {busy ? 'Starting…' : 'Start'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
