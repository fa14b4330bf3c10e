'use client';
import type { RequestView } from './api';

const OUTCOME_BADGE: Record<string, string> = { approved: 'badge--success', rejected: 'badge--danger', pending: 'badge--info', unknown: 'badge--neutral' };

export function OutcomeBadge({ outcome }: { outcome: string }) {
  return (
    <span className={`badge ${OUTCOME_BADGE[outcome] ?? 'badge--neutral'}`} data-testid="request-outcome">
      {outcome}
    </span>
  );
}

function formatValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
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

/** The request's fields, its levels (who approved, who is pending, the deadline) and its history. Everything shown as text. */
export function RequestStatusView({ request }: { request: RequestView }) {
  const { status } = request;
  return (
    <div className="approval-status" data-testid="request-status">
      <dl className="facts">
        {Object.entries(request.fields).map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd data-testid={`request-field-${name}`}>{formatValue(value)}</dd>
          </div>
        ))}
        <div>
          <dt>Requested by</dt>
          <dd data-testid="request-requester">{request.requester}</dd>
        </div>
        <div>
          <dt>Submitted</dt>
          <dd>{new Date(request.submittedAt).toLocaleString()}</dd>
        </div>
        {request.deadline && status.outcome === 'pending' && (
          <div>
            <dt>Deadline</dt>
            <dd data-testid="request-deadline">{new Date(request.deadline).toLocaleString()}</dd>
          </div>
        )}
      </dl>
      <ol className="approval-levels">
        {status.levels.map((level) => (
          <li key={level.level} data-testid={`level-${level.level}`} data-state={level.state}>
            <strong>{level.name}</strong> <span className="badge badge--neutral" data-testid={`level-${level.level}-state`}>{level.state}</span>{' '}
            <span className="muted small">
              {level.approvers.join(', ')} ({level.mode})
            </span>
            <div className="small" data-testid={`level-${level.level}-rule`} title={level.rule}>
              {progressText(level)}
            </div>
            {level.approvedBy.length > 0 && <div className="small" data-testid={`level-${level.level}-approved-by`}>Approved by {level.approvedBy.join(', ')}</div>}
            {level.rejectedBy.length > 0 && <div className="small" data-testid={`level-${level.level}-rejected-by`}>Rejected by {level.rejectedBy.join(', ')}</div>}
            {level.pending.length > 0 && <div className="small" data-testid={`level-${level.level}-pending`}>Waiting for {level.pending.join(', ')}</div>}
            {level.escalatedTo && <div className="small" data-testid={`level-${level.level}-escalated`}>Escalated to {level.escalatedTo}</div>}
          </li>
        ))}
      </ol>
      {status.history.length > 0 && (
        <>
          <h3 className="section-title">History</h3>
          <ul className="approval-history" data-testid="request-history">
            {status.history.map((entry, i) => (
              <li key={i}>
                <span className="muted small">{entry.levelName}:</span> <strong>{entry.actor}</strong> {entry.verdict}
                {entry.comment && <q className="muted"> {entry.comment}</q>}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
