'use client';
import type { SaveState } from './useSaveDeploy';

interface Props {
  save: SaveState;
  dirty: boolean;
  savedVersion: number | null;
}

/** Saved / saving / unsaved / failed / conflict, always visible beside the name. */
export function SaveIndicator({ save, dirty, savedVersion }: Props) {
  const text =
    save.kind === 'saving' ? 'Saving…'
    : save.kind === 'conflict' ? `Conflict: v${save.currentVersion} was saved elsewhere`
    : save.kind === 'error' ? `Save failed: ${save.message}`
    : dirty ? 'Unsaved changes'
    : savedVersion ? `Saved v${savedVersion}` : 'Not saved yet';
  const problem = save.kind === 'error' || save.kind === 'conflict';
  return (
    <span className={`save-state${dirty ? ' is-dirty' : ''}${problem ? ' is-error' : ''}`} data-testid="save-state"
      data-state={save.kind === 'idle' ? (dirty ? 'dirty' : 'saved') : save.kind} title={save.kind === 'error' ? save.message : undefined}
      role="status" aria-live="polite">
      {(dirty || problem) && <span className="dot" aria-hidden="true" />}{text}
    </span>
  );
}
