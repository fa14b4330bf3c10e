'use client';
import { useEffect, useRef, useState } from 'react';
import { api, errorMessage } from '../api/client';
import { formatRelative } from '../ui/format-time';
import { useDesignerStore, useDesignerStoreApi } from './DesignerStoreProvider';

interface Props {
  onClose: () => void;
  /** Saves the current content right away (restoring saves the old content as a new version). */
  saveNow: () => Promise<number | null>;
}

/** Every saved version, newest first; restoring one saves its content as a new version. */
export function VersionHistoryDialog({ onClose, saveNow }: Props) {
  const store = useDesignerStoreApi();
  const designId = useDesignerStore((s) => s.designId);
  const current = useDesignerStore((s) => s.savedVersion);
  const [versions, setVersions] = useState<{ version: number; createdAt: string }[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
    api.getDesign(designId).then((r) => setVersions(r.versions), (err) => setError(errorMessage(err)));
  }, [designId]);

  async function restore(version: number) {
    setBusy(version);
    setError(null);
    try {
      const { design } = await api.getVersion(designId, version);
      store.getState().replaceDesign(design);
      if ((await saveNow()) === null) throw new Error('The restored design could not be saved; it is open, unsaved.');
      onClose();
    } catch (err) {
      setError(errorMessage(err));
      setBusy(null);
    }
  }

  return (
    <dialog ref={dialog} className="dialog dialog--wide" data-testid="history-dialog" onClose={onClose} onCancel={onClose}>
      <form method="dialog">
        <h2>Version history</h2>
        <p className="muted">Every save is kept. Restoring a version saves its content as a new version, so nothing is lost.</p>
        {error && <p className="banner banner--error" role="alert">{error}</p>}
        {!versions && !error && <p className="muted">Loading…</p>}
        {versions && (
          <ul className="versions" data-testid="version-list">
            {versions.map((v) => (
              <li key={v.version} data-testid="version-row" data-version={v.version}>
                <strong>v{v.version}</strong>
                <span className="muted small">{formatRelative(v.createdAt)}</span>
                {v.version === current ? <span className="badge badge--neutral">open</span> : (
                  <button type="button" className="btn btn--sm" data-testid={`restore-${v.version}`} disabled={busy !== null}
                    onClick={() => void restore(v.version)}>{busy === v.version ? 'Restoring…' : 'Restore'}</button>
                )}
              </li>
            ))}
          </ul>
        )}
        <div className="dialog__actions">
          <button type="submit" className="btn">Close</button>
        </div>
      </form>
    </dialog>
  );
}
