'use client';
import { useState } from 'react';
import { isIdentifier, isReservedWord } from '../../../codegen/expressions';
import type { Variable } from '../../../codegen/schema/design';

interface Props {
  variable: Variable;
  taken: (name: string) => boolean;
  onRename: (to: string) => void;
  onDelete: () => void;
}

/** A variable in the outline: click the name to rename it everywhere; × deletes (with a warning when used). */
export function VariableRow({ variable, taken, onRename, onDelete }: Props) {
  const [draft, setDraft] = useState<string | null>(null);
  const problem = draft === null || draft === variable.name ? null
    : !isIdentifier(draft) ? 'Use letters, digits and _ (not starting with a digit)'
    : isReservedWord(draft) ? `"${draft}" is a reserved word`
    : taken(draft) ? `"${draft}" already exists`
    : null;
  const commit = () => {
    if (draft !== null && draft !== variable.name && !problem) onRename(draft);
    setDraft(null);
  };
  return (
    <li className="outline__row" data-testid={`outline-variable-${variable.name}`}>
      {draft === null ? (
        <button type="button" className="outline__name" title="Rename everywhere" data-testid="rename-variable"
          onClick={() => setDraft(variable.name)}>
          <code>{variable.name || '(unnamed)'}</code>
        </button>
      ) : (
        <span className="outline__edit">
          <input className="input input--code" autoFocus value={draft} aria-label={`New name for ${variable.name}`}
            data-testid="rename-variable-input" aria-invalid={!!problem}
            onChange={(e) => setDraft(e.target.value)} onBlur={commit}
            onKeyDown={(e) => {
              if (e.key === 'Enter') commit();
              if (e.key === 'Escape') setDraft(null);
            }} />
          {problem && <span className="field-msg field-msg--error" role="alert">{problem}</span>}
        </span>
      )}
      <span className="outline__type">{variable.type}</span>
      <button type="button" className="icon-btn" aria-label={`Delete variable ${variable.name}`} data-testid="delete-variable"
        onClick={onDelete}>×</button>
    </li>
  );
}
