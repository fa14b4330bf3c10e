'use client';
import { useEffect } from 'react';
import type { DeployState } from './useSaveDeploy';

const SUCCESS_VISIBLE_MS = 8000;

/** Progress and outcome of a deployment, with the refusal's diagnostics if any. */
export function DeployStatus({ state, onDismiss }: { state: DeployState; onDismiss: () => void }) {
  useEffect(() => {
    if (state.kind !== 'deployed') return;
    const timer = setTimeout(onDismiss, SUCCESS_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [state, onDismiss]);
  if (state.kind === 'idle') return null;
  const text =
    state.kind === 'saving' ? 'Saving…'
    : state.kind === 'deploying' ? 'Deploying…'
    : state.kind === 'deployed' ? `Deployed v${state.deployment.version}`
    : 'Deploy failed';
  const tone = state.kind === 'deployed' ? 'success' : state.kind === 'error' ? 'danger' : 'info';
  return (
    <div className={`deploy-status deploy-status--${tone}`} data-testid="deploy-status" data-state={state.kind} role="status">
      <div className="deploy-status__line">
        <strong>{text}</strong>
        {state.kind === 'deployed' && <span className="muted"> on task queue <code>{state.deployment.taskQueue}</code></span>}
        {(state.kind === 'deployed' || state.kind === 'error') && (
          <button type="button" className="icon-btn" aria-label="Dismiss" onClick={onDismiss}>×</button>
        )}
      </div>
      {state.kind === 'error' && (
        <>
          <p className="deploy-status__msg">{state.message}</p>
          {state.diagnostics.length > 0 && (
            <ul className="deploy-status__diags">
              {state.diagnostics.map((d, i) => <li key={i} className={`diag--${d.severity}`}>{d.message}</li>)}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
