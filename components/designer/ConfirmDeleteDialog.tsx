'use client';
import { useEffect, useRef, type ReactNode } from 'react';

interface Props {
  /** What is deleted, for the test ids: `delete-<what>-dialog`, `confirm-delete-<what>`. */
  what: 'variable' | 'activity' | 'handler';
  title: ReactNode;
  /** Where it is still used, said before the list. */
  summary: string;
  /** A usage without a node belongs to the workflow itself (e.g. another variable's initial value). */
  usages: Array<{ nodeId?: string; field: string }>;
  labelOf: (nodeId: string) => string;
  onConfirm: () => void;
  onClose: () => void;
}

/** Deleting something the design still uses: say where, and let the user decide. */
export function ConfirmDeleteDialog({ what, title, summary, usages, labelOf, onConfirm, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  return (
    <dialog ref={dialog} className="dialog" data-testid={`delete-${what}-dialog`} onClose={onClose} onCancel={onClose}>
      <form method="dialog">
        <h2>{title}</h2>
        <p>{summary}</p>
        <ul className="import-problems">
          {usages.map((u, i) => (
            <li key={i}><strong>{u.nodeId ? labelOf(u.nodeId) : 'Workflow'}</strong> · {u.field}</li>
          ))}
        </ul>
        <div className="dialog__actions">
          <button type="submit" className="btn">Cancel</button>
          <button type="button" className="btn btn--primary" data-testid={`confirm-delete-${what}`}
            onClick={() => { onConfirm(); onClose(); }}>Delete anyway</button>
        </div>
      </form>
    </dialog>
  );
}
