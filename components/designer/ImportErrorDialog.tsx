'use client';
import { useEffect, useRef } from 'react';
import type { ImportProblem } from '@/lib/designs/import-design';

/** Why a file was not imported; the open design is untouched. */
export function ImportErrorDialog({ message, problems, onClose }: { message: string; problems: ImportProblem[]; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  return (
    <dialog ref={dialog} className="dialog dialog--wide" data-testid="import-error" onClose={onClose} onCancel={onClose}>
      <form method="dialog">
        <h2>Import failed</h2>
        <p className="banner banner--error" data-testid="import-error-message">{message}</p>
        {problems.length > 0 && <ImportProblems problems={problems} />}
        <p className="muted small">Nothing was changed. Fix the file and import it again.</p>
        <div className="dialog__actions">
          <button type="submit" className="btn btn--primary">OK</button>
        </div>
      </form>
    </dialog>
  );
}

export function ImportProblems({ problems }: { problems: ImportProblem[] }) {
  return (
    <ul className="import-problems" data-testid="import-problems">
      {problems.map((p, i) => (
        <li key={i}><strong>{p.where}</strong>: {p.message}</li>
      ))}
    </ul>
  );
}
