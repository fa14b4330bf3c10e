'use client';
import { useState } from 'react';
import { NameEditor } from './NameEditor';
import { STEP_UI } from '../../steps';
import type { HandlerKind } from './handlers';
import { Icon } from '../../ui/Icon';

interface Props {
  id: string;
  kind: HandlerKind;
  name: string;
  label: string;
  /** Why `name` cannot be given to this handler, or null. */
  problemWith: (name: string) => string | null;
  onReveal: () => void;
  onRename: (to: string) => void;
  onDelete: () => void;
}

/** A message handler in the outline: click shows it on the canvas; the pencil renames the message; × deletes (warning when connected). */
export function HandlerRow({ id, kind, name, label, problemWith, onReveal, onRename, onDelete }: Props) {
  const [draft, setDraft] = useState<string | null>(null);
  const problem = draft === null || draft === name ? null : problemWith(draft);
  const commit = () => {
    if (draft !== null && draft !== name && !problem) onRename(draft);
    setDraft(null);
  };
  return (
    <li className={`outline__row fam-${STEP_UI[kind].family}`} data-testid={`outline-handler-row-${id}`}>
      {draft === null ? (
        <button type="button" className="outline__name" data-testid={`outline-handler-${id}`} onClick={onReveal} title={`Show the ${kind} on the canvas`}>
          <span className="kind-chip">{kind}</span> <code>{name || label || '(unnamed)'}</code>
        </button>
      ) : (
        <NameEditor draft={draft} problem={problem} label={`New name for the ${kind} ${name}`} testId="rename-handler-input"
          onChange={setDraft} onCommit={commit} onCancel={() => setDraft(null)} />
      )}
      <button type="button" className="icon-btn" aria-label={`Rename the ${kind} ${name}`} title="Rename the message"
        data-testid="rename-handler" onClick={() => setDraft(name)}><Icon name="pencil" size={13} /></button>
      <button type="button" className="icon-btn" aria-label={`Delete the ${kind} ${name}`} data-testid="delete-handler" onClick={onDelete}>×</button>
    </li>
  );
}
