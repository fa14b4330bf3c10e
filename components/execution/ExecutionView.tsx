'use client';
import Link from 'next/link';
import { StatusBadge } from '../ui/StatusBadge';
import { formatDurationBetween, formatTime } from '../ui/format-time';
import { ExecutionControls } from './ExecutionControls';
import { ExecutionDiagram } from './ExecutionDiagram';
import { HandlerPanel } from './HandlerPanel';
import { HistoryTimeline } from './HistoryTimeline';
import { PendingUpdatesPanel } from './PendingUpdatesPanel';
import styles from './monitor.module.css';
import { useExecution } from './useExecution';
import { formatValue, VariablesTable } from './VariablesTable';

/** The execution monitor: status, controls, diagram with the live step, variables, message forms, pending work and history. */
export function ExecutionView({ workflowId }: { workflowId: string }) {
  const { data, error, refresh } = useExecution(workflowId);
  if (!data || !data.design) {
    return (
      <div className="page-message" data-testid="execution-loading">
        {error ? <><h1>Could not load this execution</h1><p>{error}</p><p className="muted">Retrying…</p></> : <p className="muted">Loading execution…</p>}
      </div>
    );
  }
  const running = data.status === 'RUNNING';
  const current = data.state?.currentStep;
  const currentLabel = data.design.nodes.find((n) => n.id === current)?.label;
  return (
    <div className="execution">
      <header className="execution__head">
        <Link href={`/designs/${encodeURIComponent(data.designId)}`} className="back">← {data.design.name}</Link>
        <Link href="/executions" className="back">All executions</Link>
        <h1><span className="muted">Execution</span> <code>{data.workflowId}</code></h1>
        <StatusBadge status={data.status} testId="execution-status" />
        {error && <span className="banner banner--warning small" data-testid="execution-problem">Connection problem: {error}</span>}
      </header>
      <dl className="facts">
        <div><dt>Started</dt><dd>{formatTime(data.startTime)}</dd></div>
        <div><dt>{running ? 'Running for' : 'Closed'}</dt><dd>{running ? formatDurationBetween(data.startTime, null) : formatTime(data.closeTime)}</dd></div>
        <div><dt>Design version</dt><dd data-testid="execution-version">{data.designVersion ? `v${data.designVersion}` : '—'}</dd></div>
        <div><dt>Current step</dt><dd data-testid="current-step" data-node-id={current}>{currentLabel ?? current ?? '—'}</dd></div>
        <div><dt>Run</dt><dd><code className="small" data-testid="execution-run-id">{data.runId}</code></dd></div>
      </dl>
      <ExecutionControls workflowId={data.workflowId} running={running} onDone={refresh} />
      {data.status === 'COMPLETED' && (
        <div className="result result--ok"><span>Result</span><pre data-testid="execution-result">{formatValue(data.result)}</pre></div>
      )}
      {data.failure && (
        <div className="result result--fail"><span>Failure</span><pre data-testid="execution-failure">{data.failure.message}</pre></div>
      )}
      {running && data.pendingWorkflowTask && !data.state && (
        <p className="banner banner--warning">No worker has picked up this execution yet: is the worker host running its deployment?</p>
      )}
      <div className="execution__body">
        <ExecutionDiagram design={data.design} state={data.state} timerDeadlines={data.pendingTimers?.map((t) => t.firesAt)}
          runningUpdates={data.pendingUpdates?.map((u) => u.name)} />
        <aside className="execution__side">
          <h3 className="panel-title">Messages</h3>
          <HandlerPanel workflowId={data.workflowId} design={data.design} running={running} onDone={refresh} />
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
        </aside>
      </div>
      <section className={styles.section}>
        <h3 className="panel-title">History <span className="muted">({data.historyLength} events)</span></h3>
        <HistoryTimeline workflowId={data.workflowId} runId={data.runId} total={data.historyLength} />
      </section>
    </div>
  );
}
