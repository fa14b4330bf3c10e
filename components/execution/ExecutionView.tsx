'use client';
import Link from 'next/link';
import { StatusBadge } from '../ui/StatusBadge';
import { formatDurationBetween, formatTime } from '../ui/formatTime';
import { ExecutionDiagram } from './ExecutionDiagram';
import { HandlerPanel } from './HandlerPanel';
import { useExecution } from './useExecution';
import { formatValue, VariablesTable } from './VariablesTable';

/** The execution monitor: status, diagram with the live step, variables and message forms. */
export function ExecutionView({ workflowId }: { workflowId: string }) {
  const { data, error, refresh } = useExecution(workflowId);
  if (!data) {
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
        <h1><span className="muted">Execution</span> <code>{data.workflowId}</code></h1>
        <StatusBadge status={data.status} testId="execution-status" />
        {error && <span className="banner banner--warning small">Connection problem: {error}</span>}
      </header>
      <dl className="facts">
        <div><dt>Started</dt><dd>{formatTime(data.startTime)}</dd></div>
        <div><dt>{running ? 'Running for' : 'Closed'}</dt><dd>{running ? formatDurationBetween(data.startTime, null) : formatTime(data.closeTime)}</dd></div>
        <div><dt>Design version</dt><dd>{data.designVersion ? `v${data.designVersion}` : '—'}</dd></div>
        <div><dt>Current step</dt><dd data-testid="current-step" data-node-id={current}>{currentLabel ?? current ?? '—'}</dd></div>
      </dl>
      {data.status === 'COMPLETED' && (
        <div className="result result--ok"><span>Result</span><pre data-testid="execution-result">{formatValue(data.result)}</pre></div>
      )}
      {data.failure && (
        <div className="result result--fail"><span>Failure</span><pre data-testid="execution-failure">{data.failure.message}</pre></div>
      )}
      <div className="execution__body">
        <ExecutionDiagram design={data.design} state={data.state} />
        <aside className="execution__side">
          <h3 className="panel-title">Messages</h3>
          <HandlerPanel workflowId={data.workflowId} design={data.design} running={running} onDone={refresh} />
          <h3 className="panel-title">Variables</h3>
          <VariablesTable declared={data.design.variables} values={data.state?.variables} />
        </aside>
      </div>
    </div>
  );
}
