'use client';
import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { HandlerNode } from '@/codegen/design';
import { api, ApiError, errorMessage } from '../api/client';
import { monitorApi } from '../execution/monitor-api';
import { TypedFieldInput } from '../ui/TypedFieldInput';
import { coerceValues, initialValues, type RawValues } from '../ui/typed-values';
import { useDesignerStore, useDesignerStoreApi } from './DesignerStoreProvider';

/** "start" alone, or "signal:<name>" / "update:<name>" for signal-with-start / update-with-start. */
type Mode = string;

/**
 * A form built from the workflow's input fields; starts an execution of the deployed design —
 * alone, or together with a signal or an update (with-start: the message goes to the running
 * execution with that id, or starts it first).
 */
export function StartDialog({ designId, onClose }: { designId: string; onClose: () => void }) {
  const fields = useDesignerStore((s) => s.workflow.input);
  const storeApi = useDesignerStoreApi();
  const handlers = useMemo(
    () => storeApi.getState().toDesign().nodes.filter((n): n is HandlerNode => n.type === 'signal' || n.type === 'update'),
    [storeApi],
  );
  const [values, setValues] = useState<RawValues>(() => initialValues(fields));
  const [mode, setMode] = useState<Mode>('start');
  const [workflowId, setWorkflowId] = useState('');
  const [argValues, setArgValues] = useState<RawValues>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const handler = handlers.find((h) => `${h.type}:${h.name}` === mode);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const coerced = coerceValues(fields, values);
    if ('error' in coerced) return setError(coerced.error);
    const args = handler ? coerceValues(handler.parameters, argValues) : { value: {} };
    if ('error' in args) return setError(args.error);
    if (handler && !workflowId.trim()) return setError('With-start needs a workflow id: the message goes to the execution with that id, or starts it.');
    setBusy(true);
    setError(null);
    try {
      let id: string;
      if (!handler) {
        id = (await api.startExecution(designId, coerced.value)).workflowId;
      } else {
        const common = { designId, workflowId: workflowId.trim(), input: coerced.value, args: args.value };
        id = handler.type === 'signal'
          ? (await monitorApi.signalWithStart({ ...common, signal: handler.name })).workflowId
          : (await monitorApi.updateWithStart({ ...common, update: handler.name })).workflowId;
      }
      router.push(`/executions/${encodeURIComponent(id)}`);
    } catch (err) {
      const rejected = err instanceof ApiError && err.code === 'update.rejected';
      setError(rejected ? `Rejected by the update's validator: ${err.message}` : errorMessage(err));
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
        {handlers.length > 0 && (
          <label className="field">
            <span className="field__label">Together with</span>
            <select className="input" value={mode} data-testid="start-mode"
              onChange={(e) => {
                setMode(e.target.value);
                const next = handlers.find((h) => `${h.type}:${h.name}` === e.target.value);
                setArgValues(next ? initialValues(next.parameters) : {});
              }}>
              <option value="start">Nothing (start only)</option>
              {handlers.map((h) => (
                <option key={h.id} value={`${h.type}:${h.name}`}>{h.type === 'signal' ? 'Signal-with-start' : 'Update-with-start'}: {h.name}</option>
              ))}
            </select>
          </label>
        )}
        {handler && (
          <>
            <label className="field">
              <span className="field__label">Workflow id</span>
              <input className="input" value={workflowId} onChange={(e) => setWorkflowId(e.target.value)} data-testid="start-workflow-id" />
            </label>
            {handler.parameters.map((p) => (
              <TypedFieldInput key={p.name} field={p} testId={`with-start-${p.name}`} value={argValues[p.name] ?? ''}
                onChange={(v) => setArgValues((prev) => ({ ...prev, [p.name]: v }))} />
            ))}
          </>
        )}
        {error && <p className="banner banner--error" role="alert" data-testid="start-error">{error}</p>}
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
