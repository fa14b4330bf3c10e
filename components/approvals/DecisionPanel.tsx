'use client';
import { useState } from 'react';
import { approvalsApi, ApprovalsApiError, type TaskRef } from './api';

/**
 * Approve or reject with a comment the task shown (`task.level`: the workflow refuses the decision
 * once that level is no longer open, so a double click never decides the next level); shows the
 * outcome or the workflow's exact reason for refusing.
 */
export function DecisionPanel({ workflowId, task, onDecided }: { workflowId: string; task: TaskRef; onDecided: (result: string) => void }) {
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function decide(approve: boolean) {
    setBusy(true);
    setMessage(null);
    try {
      const { result } = await approvalsApi<{ result: string }>(`/api/inbox/${encodeURIComponent(workflowId)}/decision`, 'POST', { approve, comment, level: task.level });
      setMessage({ ok: true, text: `Recorded: ${result}` });
      setComment('');
      onDecided(result);
    } catch (error) {
      setMessage({ ok: false, text: error instanceof ApprovalsApiError || error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="msg-form" data-testid="decision-panel">
      <label className="field">
        <span className="field__label">Comment</span>
        <textarea className="input" rows={2} value={comment} onChange={(e) => setComment(e.target.value)} maxLength={2000} data-testid="decision-comment" />
      </label>
      <div className="dialog__actions">
        <button type="button" className="btn btn--primary" disabled={busy} onClick={() => decide(true)} data-testid="approve">
          Approve
        </button>
        <button type="button" className="btn btn--danger-ghost" disabled={busy} onClick={() => decide(false)} data-testid="reject">
          Reject
        </button>
      </div>
      {message && (
        <p className={message.ok ? 'outcome outcome--ok' : 'outcome outcome--error'} role={message.ok ? 'status' : 'alert'} data-testid="decision-message">
          {message.text}
        </p>
      )}
    </div>
  );
}
