'use client';
import { useEffect, useRef } from 'react';
import { isMac, SHORTCUTS } from './shortcuts';

/** The "?" dialog: every shortcut, with the platform's modifier key. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const mod = isMac() ? '⌘' : 'Ctrl';
  return (
    <dialog ref={dialog} className="dialog dialog--wide" data-testid="shortcuts-dialog" onClose={onClose} onCancel={onClose}>
      <form method="dialog">
        <h2>Keyboard shortcuts</h2>
        <table className="shortcuts">
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.keys.join('+') + s.action}>
                <td>{s.keys.map((k) => <kbd key={k}>{k === 'Mod' ? mod : k}</kbd>)}</td>
                <td>{s.action}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="dialog__actions">
          <button type="submit" className="btn btn--primary" data-testid="shortcuts-close">Close</button>
        </div>
      </form>
    </dialog>
  );
}
