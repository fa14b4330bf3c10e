'use client';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { errorMessage } from '../api/client';
import styles from './ExecutionList.module.css';
import { executionsListApi, type BulkAnswer } from './executions-list-api';

export type BulkAction = 'cancel' | 'terminate';

const plural = (n: number) => `${n} execution${n === 1 ? '' : 's'}`;

const COPY: Record<BulkAction, { title: (n: number) => string; body: string; confirm: (n: number) => string }> = {
  cancel: {
    title: (n) => `Cancel ${plural(n)}?`,
    body: 'Each workflow is asked to stop: it sees the cancellation at its next wait and ends as CANCELED.',
    confirm: (n) => `Cancel ${plural(n)}`,
  },
  terminate: {
    title: (n) => `Terminate ${plural(n)}?`,
    body: 'Each workflow ends at once as TERMINATED, without running any more of its code. This cannot be undone.',
    confirm: (n) => `Terminate ${plural(n)}`,
  },
};

/** The confirmation for a bulk action, naming how many and which; then what happened to each. */
export function ExecutionBulkDialog({ action, workflowIds, onClose, onDone }: { action: BulkAction; workflowIds: string[]; onClose: () => void; onDone: (answer: BulkAnswer) => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => dialog.current?.showModal(), []);
  const copy = COPY[action];
  const n = workflowIds.length;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onDone(await executionsListApi.bulk({ action, workflowIds, ...(action === 'terminate' && reason ? { reason } : {}) }));
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }
  return (
    <dialog ref={dialog} className="dialog" onClose={onClose} onCancel={onClose} aria-labelledby="bulk-title" data-testid="bulk-dialog">
      <form onSubmit={submit}>
        <h2 id="bulk-title">{copy.title(n)}</h2>
        <p className="muted">{copy.body}</p>
        <ul className={styles.bulkIds} data-testid="bulk-ids">
          {workflowIds.map((id) => <li key={id} className={styles.mono}>{id}</li>)}
        </ul>
        {action === 'terminate' && (
          <label className="field">
            <span className="field__label">Reason (recorded in each history)</span>
            <input className="input" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={1000} data-testid="bulk-reason" />
          </label>
        )}
        {error && <p className="banner banner--error" data-testid="bulk-error">{error}</p>}
        <div className="dialog__actions">
          <button type="button" className="btn btn--ghost" onClick={onClose}>Keep running</button>
          <button type="submit" className={`btn ${styles.danger}`} disabled={busy} data-testid="bulk-confirm">
            {busy ? 'Working…' : copy.confirm(n)}
          </button>
        </div>
      </form>
    </dialog>
  );
}
