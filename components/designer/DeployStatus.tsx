'use client';
import { useEffect } from 'react';
import { DEPLOY_STAGE_NAMES, type DeployStageName } from '../execution/monitor-api';
import styles from '../execution/monitor.module.css';
import { DiagnosticItem, isLocated } from './DiagnosticItem';
import findingStyles from './DeployStatus.module.css';
import type { DeployStages, DeployState } from './useSaveDeploy';

const SUCCESS_VISIBLE_MS = 8000;

const STAGE_LABEL: Record<DeployStageName, string> = {
  validate: 'Validate',
  generate: 'Generate',
  typecheck: 'Type-check',
  bundle: 'Bundle',
  replay: 'Replay check',
  'start-worker': 'Start worker',
};

function StageList({ stages }: { stages: DeployStages }) {
  return (
    <ol className={styles.stages} data-testid="deploy-stages">
      {DEPLOY_STAGE_NAMES.map((name) => {
        const stage = stages[name];
        const state = stage?.state ?? 'pending';
        const cls =
          state === 'done' || state === 'skipped' ? styles.stageDone
          : state === 'running' ? styles.stageActive
          : state === 'failed' || state === 'warning' ? styles.stageFailed
          : styles.stage;
        return (
          <li key={name} className={cls} data-testid={`deploy-stage-${name}`} data-state={state} title={stage?.message}>
            {state === 'done' ? '✓ ' : state === 'running' ? '… ' : state === 'failed' ? '✗ ' : state === 'warning' ? '⚠ ' : ''}
            {STAGE_LABEL[name]}
            {stage?.ms !== undefined && state !== 'skipped' && <span className="muted"> {stage.ms < 1000 ? `${stage.ms} ms` : `${(stage.ms / 1000).toFixed(1)} s`}</span>}
          </li>
        );
      })}
    </ol>
  );
}

/** Progress by stage and the outcome of a deployment, with the refusal's diagnostics, and "deploy anyway" after a replay warning. */
export function DeployStatus({ state, onDismiss, onForce }: { state: DeployState; onDismiss: () => void; onForce?: () => void }) {
  useEffect(() => {
    if (state.kind !== 'deployed' || state.warnings.length > 0) return;
    const timer = setTimeout(onDismiss, SUCCESS_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [state, onDismiss]);
  if (state.kind === 'idle') return null;
  const text =
    state.kind === 'saving' ? 'Saving…'
    : state.kind === 'deploying' ? 'Deploying…'
    : state.kind === 'deployed' ? `Deployed v${state.deployment.version}`
    : state.canForce ? 'Deploy paused: running executions would not replay on the new code'
    : 'Deploy failed';
  const tone = state.kind === 'deployed' ? 'success' : state.kind === 'error' ? 'danger' : 'info';
  const stages = state.kind === 'saving' ? undefined : state.stages;
  return (
    <div className={`deploy-status deploy-status--${tone}`} data-testid="deploy-status" data-state={state.kind} role="status">
      <div className="deploy-status__line">
        <strong>{text}</strong>
        {state.kind === 'deployed' && <span className="muted"> on task queue <code>{state.deployment.taskQueue}</code></span>}
        {(state.kind === 'deployed' || state.kind === 'error') && (
          <button type="button" className="icon-btn" aria-label="Dismiss" onClick={onDismiss}>×</button>
        )}
      </div>
      {stages && <StageList stages={stages} />}
      {state.kind === 'deployed' && state.warnings.map((w, i) => <p key={i} className={styles.warning} data-testid="deploy-warning">{w}</p>)}
      {state.kind === 'error' && (
        <>
          <p className="deploy-status__msg" data-testid="deploy-error">{state.message}</p>
          {state.diagnostics.length > 0 && !state.canForce && (
            <ul className={findingStyles.findings}>
              {state.diagnostics.map((d, i) =>
                // A finding on a custom activity or a node opens / shows it, as in the Problems list.
                isLocated(d) ? (
                  <li key={i}><DiagnosticItem diagnostic={d} testId="deploy-finding" /></li>
                ) : (
                  <li key={i} className={`diag--${d.severity} ${findingStyles.plain}`} data-testid="deploy-finding-text">{d.message}</li>
                ),
              )}
            </ul>
          )}
          {state.canForce && onForce && (
            <button type="button" className="btn btn--sm btn--primary" onClick={onForce} data-testid="deploy-anyway">
              Deploy anyway as a new version (running executions stay on theirs)
            </button>
          )}
        </>
      )}
    </div>
  );
}
