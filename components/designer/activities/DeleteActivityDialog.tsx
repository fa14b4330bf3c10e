'use client';
import { useEffect, useRef } from 'react';
import type { ActivityUsage } from './edit';

interface Props {
  name: string;
  usages: ActivityUsage[];
  labelOf: (nodeId: string) => string;
  onConfirm: () => void;
  onClose: () => void;
}

/** Deleting a custom activity that nodes still call: say which, and let the user decide. */
export function DeleteActivityDialog({ name, usages, labelOf, onConfirm, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  return (
    <dialog ref={dialog} className="dialog" data-testid="delete-activity-dialog" onClose={onClose} onCancel={onClose}>
      <form method="dialog">
        <h2>Delete activity <code>{name}</code>?</h2>
        <p>{usages.length === 1 ? 'One node calls it' : `${usages.length} nodes call it`}; {usages.length === 1 ? 'it' : 'they'} will show as problems until changed:</p>
        <ul className="import-problems">
          {usages.map((u) => <li key={u.nodeId}><strong>{labelOf(u.nodeId)}</strong> · {u.field}</li>)}
        </ul>
        <div className="dialog__actions">
          <button type="submit" className="btn">Cancel</button>
          <button type="button" className="btn btn--primary" data-testid="confirm-delete-activity"
            onClick={() => { onConfirm(); onClose(); }}>Delete anyway</button>
        </div>
      </form>
    </dialog>
  );
}
