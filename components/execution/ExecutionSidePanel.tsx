'use client';
import { formatTime } from '../ui/format-time';
import { HandlerPanel } from './HandlerPanel';
import type { LiveExecution } from './monitor-api';
import styles from './monitor.module.css';
import { PendingUpdatesPanel } from './PendingUpdatesPanel';
import { RefusedMessages } from './RefusedMessages';
import { VariablesTable } from './VariablesTable';

/**
 * The execution page's side panel: message forms, variables and the work in flight. It scrolls
 * as one column (no box of its own inside), so a long rejection or a long variable is read whole.
 */
export function ExecutionSidePanel({ data, running, onDone }: { data: LiveExecution; running: boolean; onDone: () => void }) {
  return (
    <div className="execution__side" data-testid="execution-side-panel">
      <h3 className="panel-title">Messages</h3>
      <RefusedMessages refused={data.state?.refusedMessages} design={data.design} />
      <HandlerPanel workflowId={data.workflowId} design={data.design} running={running} onDone={onDone} />
      <h3 className="panel-title">Variables</h3>
      <VariablesTable declared={data.design.variables} values={data.state?.variables} />
      <PendingUpdatesPanel updates={data.pendingUpdates ?? []} design={data.design} running={running} />
      <h3 className="panel-title">Pending timers</h3>
      {data.pendingTimers?.length ? (
        <ul className={styles.list} data-testid="pending-timers">
          {data.pendingTimers.map((t) => (
            <li key={t.timerId}>fires {formatTime(t.firesAt)} <span className="muted">(timer {t.timerId}, started {formatTime(t.startedAt)})</span></li>
          ))}
        </ul>
      ) : <p className="empty-small">No timer pending.</p>}
      <h3 className="panel-title">Pending activities</h3>
      {data.pendingActivities?.length ? (
        <ul className={styles.list} data-testid="pending-activities">
          {data.pendingActivities.map((a) => (
            <li key={a.activityId}>
              <strong>{a.activityType}</strong> {a.state.toLowerCase()}, attempt {a.attempt}
              {a.lastFailure && <span className="muted"> — last failure: {a.lastFailure}</span>}
            </li>
          ))}
        </ul>
      ) : <p className="empty-small">No activity pending.</p>}
    </div>
  );
}
