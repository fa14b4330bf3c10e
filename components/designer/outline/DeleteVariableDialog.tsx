'use client';
import { useEffect, useRef } from 'react';
import type { Usage } from '../../../lib/designs/variables';

interface Props {
  name: string;
  usages: Usage[];
  labelOf: (nodeId: string) => string;
  onConfirm: () => void;
  onClose: () => void;
}

/** Deleting a variable that is still used: say where, and let the user decide. */
export function DeleteVariableDialog({ name, usages, labelOf, onConfirm, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  return (
    <dialog ref={dialog} className="dialog" data-testid="delete-variable-dialog" onClose={onClose} onCancel={onClose}>
      <form method="dialog">
        <h2>Delete <code>{name}</code>?</h2>
        <p>It is used in {usages.length} place{usages.length === 1 ? '' : 's'}; those will show as problems until fixed:</p>
        <ul className="import-problems">
          {usages.map((u, i) => (
            <li key={i}>{u.nodeId ? <strong>{labelOf(u.nodeId)}</strong> : <strong>Workflow</strong>} · {u.field}</li>
          ))}
        </ul>
        <div className="dialog__actions">
          <button type="submit" className="btn">Cancel</button>
          <button type="button" className="btn btn--primary" data-testid="confirm-delete-variable"
            onClick={() => { onConfirm(); onClose(); }}>Delete anyway</button>
        </div>
      </form>
    </dialog>
  );
}
