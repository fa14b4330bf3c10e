'use client';

interface Props {
  currentVersion: number;
  onReload: () => void;
  onOverwrite: () => void;
}

/** Shown when another tab saved first: nothing is saved until the user picks. */
export function ConflictBanner({ currentVersion, onReload, onOverwrite }: Props) {
  return (
    <div className="conflict" role="alertdialog" aria-labelledby="conflict-title" data-testid="save-conflict">
      <div>
        <strong id="conflict-title">This design was changed elsewhere.</strong>{' '}
        Version {currentVersion} was saved in another tab or by someone else since you opened it. Autosave is paused.
      </div>
      <div className="conflict__actions">
        <button type="button" className="btn btn--sm" data-testid="conflict-reload" onClick={onReload}
          title="Discard your unsaved changes and load the latest version">Reload theirs</button>
        <button type="button" className="btn btn--sm btn--primary" data-testid="conflict-overwrite" onClick={onOverwrite}
          title={`Save your design as a new version after v${currentVersion}; theirs stays in the version history`}>
          Keep mine (save as v{currentVersion + 1})
        </button>
      </div>
    </div>
  );
}
