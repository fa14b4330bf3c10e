'use client';
import { useEffect, useRef, useState } from 'react';

interface Props {
  /** The version the open design is based on (the new one is the next). */
  savedVersion: number | null;
  onSave: (message: string) => Promise<number | null>;
  onClose: () => void;
}

/** Save: makes a version of what is open, with an optional message that the history shows. */
export function SaveVersionDialog({ savedVersion, onSave, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => dialog.current?.showModal(), []);

  async function submit() {
    setBusy(true);
    const version = await onSave(message.trim());
    setBusy(false);
    if (version !== null) onClose();
  }

  return (
    <dialog ref={dialog} className="dialog" data-testid="save-version-dialog" aria-labelledby="save-version-title" onClose={onClose} onCancel={onClose}>
      <form method="dialog" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <h2 id="save-version-title">Save a version{savedVersion ? ` (v${savedVersion + 1})` : ''}</h2>
        <p className="muted">Edits are kept as a draft as you work; a version is a point you can name, compare, restore and deploy.</p>
        <label className="field">
          <span>What changed? <span className="muted">(optional)</span></span>
          <input type="text" data-testid="save-version-message" value={message} maxLength={500} autoFocus
            placeholder="e.g. Approvals time out after 3 days" onChange={(e) => setMessage(e.target.value)} />
        </label>
        <div className="dialog__actions">
          <button type="button" className="btn" onClick={onClose}>Cancel</button>
          <button type="submit" className="btn btn--primary" data-testid="save-version-confirm" disabled={busy}>{busy ? 'Saving…' : 'Save version'}</button>
        </div>
      </form>
    </dialog>
  );
}
