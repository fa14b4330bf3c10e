'use client';
import Link from 'next/link';
import { useState } from 'react';
import { Group, Panel, Separator, usePanelRef } from 'react-resizable-panels';
import { StatusBadge } from '../ui/StatusBadge';
import { formatDurationBetween, formatTime } from '../ui/format-time';
import { ExecutionControls } from './ExecutionControls';
import { ExecutionDiagram } from './ExecutionDiagram';
import { ExecutionSidePanel } from './ExecutionSidePanel';
import { HistoryTimeline } from './HistoryTimeline';
import styles from './monitor.module.css';
import { useExecution } from './useExecution';
import { formatValue } from './VariablesTable';

/** The side panel opens at 30 % of the window, between 260 and 380 px (380 px took too much of 1024). */
function sidePanelDefault(): string {
  const width = typeof window === 'undefined' ? 1600 : window.innerWidth;
  return `${Math.round(Math.min(380, Math.max(260, width * 0.3)))}px`;
}

/** The history opens with room for a few rows: 28 % of a tall window, at least 250 px on a short one (768 high). */
function historyDefault(): string {
  const height = typeof window === 'undefined' ? 1000 : window.innerHeight;
  return `${Math.round(Math.max(250, (height - 130) * 0.28))}px`;
}

/**
 * The execution monitor: status and controls on top; the diagram with the live step as the main
 * area, the history below it (resizable); messages, variables and pending work in a side panel
 * that can be resized and collapsed. A node picked on the diagram or in the history is shared.
 */
export function ExecutionView({ workflowId }: { workflowId: string }) {
  const { data, error, refresh } = useExecution(workflowId);
  const [selectedNodeId, setSelectedNodeId] = useState<string | null>(null);
  const [follow, setFollow] = useState(true);
  const side = usePanelRef();
  const [sideCollapsed, setSideCollapsed] = useState(false);
  // Read the window once: the panels take their default size at mount only.
  const [defaults] = useState(() => ({ side: sidePanelDefault(), history: historyDefault() }));
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
  const toggleSide = () => (side.current?.isCollapsed() ? side.current.expand() : side.current?.collapse());
  return (
    <div className="execution">
      <header className="execution__head">
        <Link href={`/designs/${encodeURIComponent(data.designId)}`} className="back">← {data.design.name}</Link>
        <Link href="/executions" className="back">All executions</Link>
        <h1><span className="muted">Execution</span> <code>{data.workflowId}</code></h1>
        <StatusBadge status={data.status} testId="execution-status" />
        {error && <span className="banner banner--warning small" data-testid="execution-problem">Connection problem: {error}</span>}
        <span className={styles.grow} />
        <ExecutionControls workflowId={data.workflowId} running={running} onDone={refresh} />
        <button type="button" className="btn btn--sm btn--ghost" onClick={toggleSide} aria-expanded={!sideCollapsed}
          aria-controls="execution-side" data-testid="side-panel-toggle">
          {sideCollapsed ? 'Show panel' : 'Hide panel'}
        </button>
      </header>
      <dl className="facts">
        <div><dt>Started</dt><dd data-testid="execution-started">{formatTime(data.startTime)}</dd></div>
        <div><dt>{running ? 'Running for' : 'Closed'}</dt><dd data-testid="execution-duration">{running ? formatDurationBetween(data.startTime, null) : formatTime(data.closeTime)}</dd></div>
        <div><dt>Design version</dt><dd data-testid="execution-version">{data.designVersion ? `v${data.designVersion}` : '—'}</dd></div>
        <div><dt>{running ? 'Current step' : 'Ended at'}</dt><dd data-testid="current-step" data-node-id={current}>{currentLabel ?? current ?? '—'}</dd></div>
        <div className={styles.factWide}><dt>Run</dt><dd><code className="small" data-testid="execution-run-id">{data.runId}</code></dd></div>
      </dl>
      {data.status === 'COMPLETED' && (
        <div className="result result--ok"><span>Result</span><pre data-testid="execution-result">{formatValue(data.result)}</pre></div>
      )}
      {data.failure && (
        <div className="result result--fail"><span>Failure</span><pre data-testid="execution-failure">{data.failure.message}</pre></div>
      )}
      {running && data.pendingWorkflowTask && !data.state && (
        <p className="banner banner--warning">No worker has picked up this execution yet: is the worker host running its deployment?</p>
      )}
      <Group orientation="horizontal" className={styles.body} id="execution-columns">
        <Panel id="execution-main" minSize="320px">
          <Group orientation="vertical" id="execution-rows">
            <Panel id="execution-diagram-panel" minSize="200px">
              <ExecutionDiagram design={data.design} state={data.state} timerDeadlines={data.pendingTimers?.map((t) => t.firesAt)}
                runningUpdates={data.pendingUpdates?.map((u) => u.name)} ending={running ? undefined : data.status === 'COMPLETED' ? 'completed' : 'stopped'}
                selectedNodeId={selectedNodeId} onSelectNode={setSelectedNodeId} follow={follow} onFollowChange={setFollow} />
            </Panel>
            <Separator className={styles.separatorRow} aria-label="Resize the history" data-testid="history-resizer" />
            <Panel id="execution-history-panel" defaultSize={defaults.history} minSize="96px" style={{ overflow: 'auto' }}>
              <section className={styles.history} data-testid="execution-history">
                <h3 className="panel-title">History <span className="muted">({data.historyLength} events)</span></h3>
                <HistoryTimeline workflowId={data.workflowId} runId={data.runId} total={data.historyLength}
                  design={data.design} selectedNodeId={selectedNodeId} onSelectNode={setSelectedNodeId} />
              </section>
            </Panel>
          </Group>
        </Panel>
        <Separator className={styles.separatorColumn} aria-label="Resize the side panel" data-testid="side-panel-resizer" />
        <Panel id="execution-side" panelRef={side} defaultSize={defaults.side} minSize="260px" maxSize="60%" collapsible collapsedSize="0px"
          groupResizeBehavior="preserve-pixel-size" style={{ overflow: 'auto' }} data-testid="side-panel"
          onResize={(size) => setSideCollapsed(size.inPixels < 1)}>
          <ExecutionSidePanel data={data} running={running} onDone={refresh} />
        </Panel>
      </Group>
    </div>
  );
}
