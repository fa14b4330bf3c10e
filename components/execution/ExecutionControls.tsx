'use client';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { errorMessage } from '../api/client';
import styles from './monitor.module.css';
import { monitorApi } from './monitor-api';

type Action = 'cancel' | 'terminate' | 'reset';

const COPY: Record<Action, { title: string; body: string; confirm: string }> = {
  cancel: {
    title: 'Cancel this execution?',
    body: 'The workflow is asked to stop: it sees the cancellation at its next wait and ends as CANCELED.',
    confirm: 'Cancel execution',
  },
  terminate: {
    title: 'Terminate this execution?',
    body: 'The workflow ends at once as TERMINATED, without running any more of its code. This cannot be undone.',
    confirm: 'Terminate',
  },
  reset: {
    title: 'Reset this execution?',
    body: 'A new run replays the history up to the chosen workflow task and continues from there with the current code; signals received after that point are delivered again.',
    confirm: 'Reset',
  },
};

function ConfirmDialog({ workflowId, action, onClose, onDone }: { workflowId: string; action: Action; onClose: () => void; onDone: (message: string) => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  const [to, setTo] = useState<'last-workflow-task' | 'first-workflow-task'>('last-workflow-task');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => dialog.current?.showModal(), []);
  const copy = COPY[action];

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = action === 'reset' ? { to, reason: reason || undefined } : action === 'terminate' ? { reason: reason || undefined } : {};
      const result = await monitorApi.control(workflowId, action, body);
      onDone(action === 'reset' ? `Reset: new run ${result.runId}` : action === 'cancel' ? 'Cancellation requested.' : 'Terminated.');
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }
  return (
    <dialog ref={dialog} className="dialog" onClose={onClose} onCancel={onClose}>
      <form onSubmit={submit} data-testid={`confirm-${action}`}>
        <h2>{copy.title}</h2>
        <p className="muted">{copy.body}</p>
        {action === 'reset' && (
          <label className="field">
            <span className="field__label">Reset to</span>
            <select className="input" value={to} onChange={(e) => setTo(e.target.value as typeof to)} data-testid="reset-to">
              <option value="last-workflow-task">The last workflow task</option>
              <option value="first-workflow-task">The first workflow task (start over)</option>
            </select>
          </label>
        )}
        {action !== 'cancel' && (
          <label className="field">
            <span className="field__label">Reason (recorded in the history)</span>
            <input className="input" value={reason} onChange={(e) => setReason(e.target.value)} data-testid="control-reason" />
          </label>
        )}
        {error && <p className="banner banner--error" data-testid="control-error">{error}</p>}
        <div className="dialog__actions">
          <button type="button" className="btn btn--ghost" onClick={onClose}>Keep running</button>
          <button type="submit" className="btn btn--primary" disabled={busy} data-testid={`confirm-${action}-submit`}>
            {busy ? 'Working…' : copy.confirm}
          </button>
        </div>
      </form>
    </dialog>
  );
}

/** Cancel, terminate and reset, each behind a confirmation dialog. */
export function ExecutionControls({ workflowId, running, onDone }: { workflowId: string; running: boolean; onDone: () => void }) {
  const [action, setAction] = useState<Action | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <div className={styles.controls}>
      <button type="button" className="btn btn--sm" disabled={!running} onClick={() => setAction('cancel')} data-testid="control-cancel">Cancel…</button>
      <button type="button" className="btn btn--sm btn--danger-ghost" disabled={!running} onClick={() => setAction('terminate')} data-testid="control-terminate">Terminate…</button>
      <button type="button" className="btn btn--sm" onClick={() => setAction('reset')} data-testid="control-reset">Reset…</button>
      {message && <span className="muted small" data-testid="control-message">{message}</span>}
      {action && (
        <ConfirmDialog workflowId={workflowId} action={action} onClose={() => setAction(null)}
          onDone={(text) => {
            setAction(null);
            setMessage(text);
            onDone();
          }} />
      )}
    </div>
  );
}
