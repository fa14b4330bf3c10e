'use client';
import { useState } from 'react';
import { NameEditor } from './NameEditor';
import { isIdentifier, isReservedWord, type Variable } from '@/codegen/design';

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
        <NameEditor draft={draft} problem={problem} label={`New name for ${variable.name}`} testId="rename-variable-input"
          onChange={setDraft} onCommit={commit} onCancel={() => setDraft(null)} />
      )}
      <span className="outline__type">{variable.type}</span>
      <button type="button" className="icon-btn" aria-label={`Delete variable ${variable.name}`} data-testid="delete-variable"
        onClick={onDelete}>×</button>
    </li>
  );
}
