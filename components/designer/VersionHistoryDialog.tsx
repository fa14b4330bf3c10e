'use client';
import { useEffect, useRef, useState } from 'react';
import { api, errorMessage } from '../api/client';
import { formatRelative } from '../ui/format-time';
import { useDesignerStore, useDesignerStoreApi } from './DesignerStoreProvider';
import styles from './VersionHistory.module.css';
import { VersionDiffView } from './VersionDiffView';
import { versionsApi, type VersionDiffAnswer, type VersionEntry } from './versions-api';

interface Props {
  onClose: () => void;
  /** Makes a version of the current content right away (restoring makes the old content a new version). */
  saveNow: (message?: string) => Promise<number | null>;
}

/**
 * Every version, newest first, with its message, author and time, and which one is deployed and
 * current; any two can be compared (the design's changes and the generated code's diff); restoring
 * one saves its content as a new version.
 */
export function VersionHistoryDialog({ onClose, saveNow }: Props) {
  const store = useDesignerStoreApi();
  const designId = useDesignerStore((s) => s.designId);
  const open = useDesignerStore((s) => s.savedVersion);
  const [versions, setVersions] = useState<VersionEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const [pair, setPair] = useState<{ from: number; to: number } | null>(null);
  const [diff, setDiff] = useState<VersionDiffAnswer | 'loading' | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
    versionsApi.list(designId).then(
      (r) => {
        setVersions(r.versions);
        if (r.versions.length > 1) setPair({ from: r.versions[1].version, to: r.versions[0].version });
      },
      (err) => setError(errorMessage(err)),
    );
  }, [designId]);

  async function restore(version: number) {
    setBusy(version);
    setError(null);
    try {
      const { design } = await api.getVersion(designId, version);
      store.getState().replaceDesign(design);
      if ((await saveNow(`Restored v${version}`)) === null) throw new Error('The restored design could not be saved; it is open, unsaved.');
      onClose();
    } catch (err) {
      setError(errorMessage(err));
      setBusy(null);
    }
  }

  async function compare(from: number, to: number) {
    setPair({ from, to });
    setDiff('loading');
    setError(null);
    try {
      setDiff(await versionsApi.diff(designId, from, to));
    } catch (err) {
      setDiff(null);
      setError(errorMessage(err));
    }
  }

  const numbers = versions?.map((v) => v.version) ?? [];
  return (
    <dialog ref={dialog} className={`dialog ${styles.dialog}`} data-testid="history-dialog" onClose={onClose} onCancel={onClose}>
      <form method="dialog">
        <h2>Version history</h2>
        <p className="muted">Save and Deploy make versions; edits in between are kept as a draft. Restoring a version saves its content as a new version, so nothing is lost.</p>
        {error && <p className="banner banner--error" role="alert">{error}</p>}
        {!versions && !error && <p className="muted">Loading…</p>}
        {versions && (
          <ul className={styles.list} data-testid="version-list">
            {versions.map((v) => (
              <li key={v.version} className={styles.row} data-testid="version-row" data-version={v.version}>
                <strong>v{v.version}</strong>
                <span className={v.message ? styles.message : `${styles.message} ${styles.noMessage}`} data-testid="version-message" title={v.message ?? undefined}>
                  {v.message ?? 'No message'}
                </span>
                <span className={styles.actions}>
                  {v.current ? <span className="badge badge--success" data-testid="version-current" title="Deployed, and new executions start on this version">deployed · current</span>
                  : v.deployed && <span className="badge badge--info" data-testid="version-deployed" title="Deployed: workers run this version for the executions on it">deployed</span>}
                  {v.version > 1 && (
                    <button type="button" className="btn btn--sm btn--ghost" data-testid={`changes-${v.version}`} onClick={() => void compare(v.version - 1, v.version)}>
                      Changes
                    </button>
                  )}
                  {v.version === open ? <span className="badge badge--neutral">open</span> : (
                    <button type="button" className="btn btn--sm" data-testid={`restore-${v.version}`} disabled={busy !== null}
                      onClick={() => void restore(v.version)}>{busy === v.version ? 'Restoring…' : 'Restore'}</button>
                  )}
                </span>
                <span className={styles.meta}>
                  <span data-testid="version-author">{v.author?.displayName ?? 'unknown author'}</span>
                  <span aria-hidden="true">·</span>
                  <time dateTime={v.createdAt} title={new Date(v.createdAt).toLocaleString()}>{formatRelative(v.createdAt)}</time>
                </span>
              </li>
            ))}
          </ul>
        )}
        {pair && numbers.length > 1 && (
          <div className={styles.compare}>
            <label>Compare <select aria-label="From version" data-testid="diff-from" value={pair.from} onChange={(e) => setPair({ ...pair, from: Number(e.target.value) })}>
              {numbers.map((n) => <option key={n} value={n}>v{n}</option>)}
            </select></label>
            <label>with <select aria-label="To version" data-testid="diff-to" value={pair.to} onChange={(e) => setPair({ ...pair, to: Number(e.target.value) })}>
              {numbers.map((n) => <option key={n} value={n}>v{n}</option>)}
            </select></label>
            <button type="button" className="btn btn--sm" data-testid="diff-show" disabled={pair.from === pair.to || diff === 'loading'}
              onClick={() => void compare(pair.from, pair.to)}>{diff === 'loading' ? 'Comparing…' : 'Show changes'}</button>
          </div>
        )}
        {diff && diff !== 'loading' && <VersionDiffView diff={diff} />}
        <div className="dialog__actions">
          <button type="submit" className="btn">Close</button>
        </div>
      </form>
    </dialog>
  );
}
