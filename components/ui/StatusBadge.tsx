import type { ExecutionStatus } from '../api/types';

const TONE: Record<string, string> = {
  RUNNING: 'info',
  COMPLETED: 'success',
  FAILED: 'danger',
  TIMED_OUT: 'warning',
  TERMINATED: 'danger',
  CANCELLED: 'neutral',
  CONTINUED_AS_NEW: 'neutral',
};

export function StatusBadge({ status, testId }: { status: ExecutionStatus; testId?: string }) {
  return (
    <span className={`badge badge--${TONE[status] ?? 'neutral'}`} data-testid={testId} data-status={status}>
      {status === 'RUNNING' && <span className="pulse" aria-hidden="true" />}
      {status.replace(/_/g, ' ')}
    </span>
  );
}
