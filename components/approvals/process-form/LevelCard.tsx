'use client';
import { describeRule, type ApprovalProcessInput } from '@/lib/approvals/spec';
import { Icon } from '@/components/ui/Icon';
import { ApproverInput } from '../ApproverInput';
import { DeadlineFields } from '../DeadlineFields';
import styles from '../ProcessForm.module.css';
import type { IssueSlots } from './FieldsTable';

type LevelDraft = ApprovalProcessInput['levels'][number];

/** One approval level as a card: its name in the header, who approves, when, in what order, and its deadline. */
export function LevelCard({ level, index: i, removable, onChange, onRemove, slots }: { level: LevelDraft; index: number; removable: boolean; onChange: (patch: Partial<LevelDraft>) => void; onRemove: () => void; slots: IssueSlots }) {
  const { issue, invalid } = slots;
  const input = (path: string, base = 'input') => {
    const marks = invalid(path);
    return { ...marks, className: [base, marks.className].filter(Boolean).join(' ') };
  };
  const headingId = `level-${i}-heading`;
  return (
    <section className={styles.level} aria-labelledby={headingId} data-testid={`level-${i}`} data-issue-path={`levels.${i}`}>
      <header className={styles.levelHead}>
        <span className={styles.levelNumber} aria-hidden="true">{i + 1}</span>
        <h3 id={headingId}>
          <span className={styles.srOnly} data-clip-ok>Level {i + 1}: </span>
          {level.name.trim() || `Level ${i + 1}`}
        </h3>
        {removable && (
          <button type="button" className="btn btn--danger-ghost btn--sm" onClick={onRemove} data-testid={`level-${i}-remove`}>
            <Icon name="trash" size={14} /> Remove level {i + 1}
          </button>
        )}
      </header>
      <div className={styles.levelBody}>
        <div className={styles.pair}>
          <label className="field" data-issue-path={`levels.${i}.name`}>
            <span className="field__label">Level name</span>
            <input {...input(`levels.${i}.name`)} value={level.name} onChange={(e) => onChange({ name: e.target.value })} data-testid={`level-${i}-name`} />
            {issue(`levels.${i}.name`)}
          </label>
          <label className="field" data-issue-path={`levels.${i}.condition`}>
            <span className="field__label">Only when (optional condition on the request)</span>
            <input {...input(`levels.${i}.condition`, 'input input--code')} value={level.condition ?? ''} placeholder='e.g. input.amount >= money("1000")' onChange={(e) => onChange({ condition: e.target.value || undefined })} data-testid={`level-${i}-condition`} />
            {issue(`levels.${i}.condition`)}
          </label>
        </div>
        <div className="field" role="group" aria-labelledby={`level-${i}-approvers-label`} data-issue-path={`levels.${i}.approvers`}>
          <span className="field__label" id={`level-${i}-approvers-label`}>Who approves</span>
          <div className={styles.approvers}>
            {level.approvers.map((a, k) => (
              <div key={k} className={styles.approverRow} data-issue-path={`levels.${i}.approvers.${k}`}>
                <ApproverInput value={a} onChange={(next) => onChange({ approvers: level.approvers.map((x, j) => (j === k ? next : x)) })} testId={`level-${i}-approver-${k}`} />
                {level.approvers.length > 1 ? (
                  <button type="button" className="btn btn--danger-ghost btn--sm" onClick={() => onChange({ approvers: level.approvers.filter((_, j) => j !== k) })} aria-label={`Remove approver ${k + 1} of level ${i + 1}`} title="Remove this approver" data-testid={`level-${i}-approver-${k}-remove`}>
                    <Icon name="trash" size={14} />
                  </button>
                ) : (
                  <span />
                )}
                {issue(`levels.${i}.approvers.${k}.name`)}
                {issue(`levels.${i}.approvers.${k}`)}
              </div>
            ))}
          </div>
          {issue(`levels.${i}.approvers`)}
          <button type="button" className={`btn btn--sm ${styles.addButton}`} onClick={() => onChange({ approvers: [...level.approvers, { kind: 'user', name: '' }] })} data-testid={`level-${i}-add-approver`}>
            <Icon name="plus" size={14} /> Add an approver
          </button>
        </div>
        <div className={styles.pair}>
          <label className="field" data-issue-path={`levels.${i}.mode`}>
            <span className="field__label">Order</span>
            <select className="input" value={level.mode ?? 'parallel'} onChange={(e) => onChange({ mode: e.target.value as 'parallel' | 'sequential' })} data-testid={`level-${i}-mode`}>
              <option value="parallel">all at once (parallel)</option>
              <option value="sequential">one after the other (sequential)</option>
            </select>
          </label>
          <label className="field" data-issue-path={`levels.${i}.required`}>
            <span className="field__label">Approvals needed (N of {level.approvers.length})</span>
            <input {...input(`levels.${i}.required`)} type="number" min={1} max={20} value={level.required ?? 1} onChange={(e) => onChange({ required: Number(e.target.value) })} data-testid={`level-${i}-required`} />
            <span className="field__hint" data-testid={`level-${i}-rule`}>
              {describeRule({ approvers: level.approvers, mode: level.mode ?? 'parallel', required: level.required ?? 1 })}.
            </span>
            {issue(`levels.${i}.required`)}
          </label>
        </div>
        <DeadlineFields level={level} index={i} onChange={onChange} issue={issue} />
      </div>
    </section>
  );
}
