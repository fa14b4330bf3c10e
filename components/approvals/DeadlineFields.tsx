'use client';
import type { ReactNode } from 'react';
import type { ApprovalProcessInput, Deadline } from '@/lib/approvals/spec';
import { ApproverInput } from './ApproverInput';
import styles from './ProcessForm.module.css';

type LevelDraft = ApprovalProcessInput['levels'][number];
type Unit = Deadline['unit'];

function DeadlineInput({ value, onChange, label, testId }: { value: Deadline | undefined; onChange: (d: Deadline | undefined) => void; label: string; testId: string }) {
  return (
    <span className={styles.duration}>
      <input
        className="input"
        type="number"
        min={1}
        value={value?.amount ?? ''}
        placeholder="none"
        aria-label={label}
        onChange={(e) => onChange(e.target.value ? { amount: Number(e.target.value), unit: value?.unit ?? 'days' } : undefined)}
        data-testid={`${testId}-amount`}
      />
      <select className="input" value={value?.unit ?? 'days'} disabled={!value} onChange={(e) => value && onChange({ ...value, unit: e.target.value as Unit })} aria-label={`${label} unit`} data-testid={`${testId}-unit`}>
        <option value="seconds">seconds</option>
        <option value="minutes">minutes</option>
        <option value="hours">hours</option>
        <option value="days">days</option>
      </select>
    </span>
  );
}

/**
 * A level's deadline and what happens then; when it escalates, the escalated task's own deadline
 * and what happens at that one (approve, reject, or escalate further once).
 */
export function DeadlineFields({ level, index: i, onChange, issue }: { level: LevelDraft; index: number; onChange: (patch: Partial<LevelDraft>) => void; issue: (path: string) => ReactNode }) {
  const escalation = level.onDeadline?.action === 'escalate' ? level.onDeadline : null;
  return (
    <div className={styles.pair}>
      <label className="field" data-issue-path={`levels.${i}.deadline`}>
        <span className="field__label">Deadline</span>
        <DeadlineInput
          value={level.deadline}
          label="Deadline"
          onChange={(deadline) => onChange(deadline ? { deadline, onDeadline: level.onDeadline ?? { action: 'reject' } } : { deadline: undefined, onDeadline: undefined })}
          testId={`level-${i}-deadline`}
        />
        {issue(`levels.${i}.deadline`)}
      </label>
      {level.deadline && (
        <label className="field" data-issue-path={`levels.${i}.onDeadline`}>
          <span className="field__label">At the deadline</span>
          <select
            className="input"
            value={level.onDeadline?.action ?? 'reject'}
            onChange={(e) => onChange({ onDeadline: e.target.value === 'escalate' ? { action: 'escalate', to: { kind: 'role', name: 'admin' } } : { action: e.target.value as 'approve' | 'reject' } })}
            data-testid={`level-${i}-on-deadline`}
          >
            <option value="escalate">escalate to…</option>
            <option value="approve">approve automatically</option>
            <option value="reject">reject automatically</option>
          </select>
          {escalation && (
            <span data-issue-path={`levels.${i}.onDeadline.to`}>
              <ApproverInput value={escalation.to} onChange={(to) => onChange({ onDeadline: { ...escalation, to } })} testId={`level-${i}-escalate`} />
            </span>
          )}
          {issue(`levels.${i}.onDeadline`)}
          {issue(`levels.${i}.onDeadline.to.name`)}
        </label>
      )}
      {escalation && (
        <div className={styles.escalated} role="group" aria-label="The escalated task's own deadline" data-testid={`level-${i}-escalated-deadline`} data-issue-path={`levels.${i}.onDeadline.deadline`}>
          <span className="field__label">The escalated task&apos;s own deadline (optional)</span>
          <DeadlineInput
            value={escalation.deadline}
            label="Escalated task's deadline"
            onChange={(deadline) => onChange({ onDeadline: deadline ? { ...escalation, deadline, then: escalation.then ?? { action: 'reject' } } : { action: 'escalate', to: escalation.to } })}
            testId={`level-${i}-escalated-deadline`}
          />
          {issue(`levels.${i}.onDeadline.deadline`)}
          {escalation.deadline && (
            <>
              <span className="field__label">Then</span>
              <select
                className="input"
                value={escalation.then?.action ?? 'reject'}
                onChange={(e) =>
                  onChange({
                    onDeadline: { ...escalation, then: e.target.value === 'escalate' ? { action: 'escalate', to: { kind: 'role', name: 'admin' } } : { action: e.target.value as 'approve' | 'reject' } },
                  })
                }
                data-testid={`level-${i}-escalated-then`}
              >
                <option value="escalate">escalate further (once) to…</option>
                <option value="approve">approve automatically</option>
                <option value="reject">reject automatically</option>
              </select>
              {escalation.then?.action === 'escalate' && (
                <span data-issue-path={`levels.${i}.onDeadline.then`}>
                <ApproverInput value={escalation.then.to} onChange={(to) => onChange({ onDeadline: { ...escalation, then: { action: 'escalate', to } } })} testId={`level-${i}-escalate-further`} />
                </span>
              )}
              {issue(`levels.${i}.onDeadline.then`)}
              {issue(`levels.${i}.onDeadline.then.to.name`)}
            </>
          )}
        </div>
      )}
    </div>
  );
}
