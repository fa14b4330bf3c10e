'use client';
import type { SaveState } from './useSaveDeploy';

interface Props {
  save: SaveState;
  dirty: boolean;
  savedVersion: number | null;
  /** Autosaved edits are stored as the draft, not yet a version. */
  hasDraft: boolean;
  /** Throws the draft away (shown with a draft). */
  onDiscard: () => void;
}

/** Saved / draft / saving / unsaved / failed / conflict, always visible beside the name. */
export function SaveIndicator({ save, dirty, savedVersion, hasDraft, onDiscard }: Props) {
  const text =
    save.kind === 'saving' ? 'Saving…'
    : save.kind === 'conflict' ? `Conflict: v${save.currentVersion} was saved elsewhere`
    : save.kind === 'error' ? `Save failed: ${save.message}`
    : dirty ? 'Unsaved changes'
    : hasDraft && savedVersion ? `Draft — unsaved changes since v${savedVersion}`
    : savedVersion ? `Saved v${savedVersion}` : 'Not saved yet';
  const problem = save.kind === 'error' || save.kind === 'conflict';
  const state = save.kind === 'idle' || save.kind === 'saved' ? (dirty ? 'dirty' : hasDraft ? 'draft' : 'saved') : save.kind;
  return (
    <>
      <span className={`save-state${dirty || hasDraft ? ' is-dirty' : ''}${problem ? ' is-error' : ''}`} data-testid="save-state"
        data-state={state} title={save.kind === 'error' ? save.message : hasDraft ? 'Your edits are kept as a draft. Save makes a version of them.' : undefined}
        role="status" aria-live="polite">
        {(dirty || problem || hasDraft) && <span className="dot" aria-hidden="true" />}{text}
      </span>
      {hasDraft && !dirty && save.kind !== 'saving' && !problem && (
        <button type="button" className="btn btn--sm btn--ghost" data-testid="discard-draft"
          title={`Throw the draft away and open v${savedVersion ?? ''} again`}
          onClick={() => {
            if (window.confirm(`Discard the unsaved changes since v${savedVersion ?? ''}?`)) onDiscard();
          }}>Discard</button>
      )}
    </>
  );
}
