'use client';

interface Props {
  draft: string;
  /** Why the draft cannot be used, or null. */
  problem: string | null;
  label: string;
  testId: string;
  onChange: (draft: string) => void;
  /** Enter or leaving the field. */
  onCommit: () => void;
  /** Escape. */
  onCancel: () => void;
}

/** The inline name field of an outline row (variables, message handlers), with its problem under it. */
export function NameEditor({ draft, problem, label, testId, onChange, onCommit, onCancel }: Props) {
  return (
    <span className="outline__edit">
      <input className="input input--code" autoFocus value={draft} aria-label={label} data-testid={testId} aria-invalid={!!problem}
        onChange={(e) => onChange(e.target.value)} onBlur={onCommit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') onCommit();
          if (e.key === 'Escape') onCancel();
        }} />
      {problem && <span className="field-msg field-msg--error" role="alert">{problem}</span>}
    </span>
  );
}
