'use client';
import type { RequestField } from '@/lib/approvals/spec';
import { userLocale } from '../ui/locale-number';
import type { RequestView } from './api';
import styles from './business.module.css';
import { deadlineText, formatFieldValue, personName } from './request-summary';

const OUTCOME_BADGE: Record<string, string> = { approved: 'badge--success', rejected: 'badge--danger', pending: 'badge--info', unknown: 'badge--neutral' };

export function OutcomeBadge({ outcome }: { outcome: string }) {
  return (
    <span className={`badge ${OUTCOME_BADGE[outcome] ?? 'badge--neutral'}`} data-testid="request-outcome">
      {outcome}
    </span>
  );
}

/**
 * "2 of 3 must approve; 1 rejected so far" — N of M, and how far the rejections have come (the
 * level is rejected once N approvals can no longer be reached: LevelStatus.rejectLimit).
 */
function progressText(level: RequestView['status']['levels'][number]): string {
  const must = level.rule.split(';')[0] ?? `${level.required} must approve`;
  if (level.rejectedBy.length === 0) return level.rejectLimit === 1 ? `${must}; any rejection rejects the level` : `${must}; ${level.rejectLimit} rejections reject the level`;
  return `${must}; ${level.rejectedBy.length} rejected so far${level.state === 'open' ? ` (${level.rejectLimit} reject the level)` : ''}`;
}

/** The deadline as a date and how far off it is ("in 2 days" / "overdue by 3 h"). */
export function DeadlineText({ deadline, testId }: { deadline: string; testId: string }) {
  const { absolute, relative, overdue } = deadlineText(deadline, Date.now(), userLocale());
  return (
    <span className={`${styles.due} ${overdue ? styles.overdue : ''}`} data-testid={testId} data-dynamic title={new Date(deadline).toLocaleString()}>
      {absolute} · {relative}
    </span>
  );
}

/**
 * The request's fields (labelled, money formatted), what it waits for now (the open level, who may
 * decide, its deadline), its levels and its history. People by display name. Everything as text.
 */
export function RequestStatusView({ request, fields = [] }: { request: RequestView; fields?: readonly RequestField[] }) {
  const { status, people } = request;
  const name = (who: string) => personName(people, who);
  const names = (list: string[]) => list.map(name).join(', ');
  const locale = userLocale();
  const byName = new Map(fields.map((f) => [f.name, f]));
  const open = status.outcome === 'pending' ? status.levels.find((l) => l.state === 'open') : undefined;
  return (
    <div className={styles.status} data-testid="request-status">
      {open && (
        <p className={styles.now} data-testid="request-now">
          <strong>{open.name}</strong>
          <span data-testid="request-waiting-for">Waiting for {names(open.pending) || 'the workflow to move on'}</span>
          {request.deadline && (
            <span>
              Deadline <DeadlineText deadline={request.deadline} testId="request-deadline" />
            </span>
          )}
        </p>
      )}
      <dl className={styles.facts}>
        {Object.entries(request.fields).map(([field, value]) => (
          <div key={field}>
            <dt>{byName.get(field)?.label || field}</dt>
            <dd data-testid={`request-field-${field}`}>{formatFieldValue(byName.get(field), value, locale)}</dd>
          </div>
        ))}
        <div>
          <dt>Requested by</dt>
          <dd data-testid="request-requester">{name(request.requester)}</dd>
        </div>
        <div>
          <dt>Submitted</dt>
          <dd data-dynamic>{new Date(request.submittedAt).toLocaleString(locale)}</dd>
        </div>
      </dl>
      <ol className={styles.levels}>
        {status.levels.map((level) => (
          <li key={level.level} data-testid={`level-${level.level}`} data-state={level.state}>
            <div className={styles.levelHead}>
              <strong>{level.name}</strong> <span className="badge badge--neutral" data-testid={`level-${level.level}-state`}>{level.state}</span>
              <span className="muted small">
                {names(level.approvers)} ({level.mode})
              </span>
            </div>
            <div className="small" data-testid={`level-${level.level}-rule`} title={level.rule}>
              {progressText(level)}
            </div>
            {level.approvedBy.length > 0 && <div className="small" data-testid={`level-${level.level}-approved-by`}>Approved by {names(level.approvedBy)}</div>}
            {level.rejectedBy.length > 0 && <div className="small" data-testid={`level-${level.level}-rejected-by`}>Rejected by {names(level.rejectedBy)}</div>}
            {level.pending.length > 0 && <div className="small" data-testid={`level-${level.level}-pending`}>Waiting for {names(level.pending)}</div>}
            {level.escalatedTo && <div className="small" data-testid={`level-${level.level}-escalated`}>Escalated to {level.escalatedTo.split(', then ').map(name).join(', then ')}</div>}
          </li>
        ))}
      </ol>
      {status.history.length > 0 && (
        <div>
          <h3 className="section-title">History</h3>
          <ul className={styles.history} data-testid="request-history">
            {status.history.map((entry, i) => (
              <li key={i}>
                <span className="muted small">{entry.levelName}:</span> <strong>{entry.actor === 'deadline' ? 'The deadline' : name(entry.actor)}</strong> {entry.verdict}
                {entry.comment && <q className="muted"> {entry.comment}</q>}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
