'use client';
import { useEffect } from 'react';
import type { Diagnostic } from '@/codegen/design';
import { Icon, type IconName } from '../ui/Icon';
import { DiagnosticItem, isLocated } from './DiagnosticItem';
import styles from './DeployStatus.module.css';
import { useDesignerStore } from './DesignerStoreProvider';
import { describeStages, stoppedAt, type StageTone } from './deploy-stages';
import type { DeployStages, DeployState } from './useSaveDeploy';

const SUCCESS_VISIBLE_MS = 8000;

const TONE_MARK: Record<StageTone, IconName> = { pending: 'circle', running: 'loader', passed: 'check', skipped: 'minus', failed: 'x', warning: 'alert' };
const TONE_CLASS: Record<StageTone, string> = {
  pending: styles.pending,
  running: styles.running,
  passed: styles.passed,
  skipped: styles.skipped,
  failed: styles.failed,
  warning: styles.warning,
};

/** Every stage on its own line with its outcome in words: all visible in the panel's width, nothing only in a tooltip. */
function StageList({ stages, ended, hadActiveDeployment }: { stages: DeployStages; ended: boolean; hadActiveDeployment: boolean | null }) {
  return (
    <ol className={styles.stages} data-testid="deploy-stages">
      {describeStages(stages, { ended, hadActiveDeployment }).map((s) => (
        <li key={s.name} className={`${styles.stage} ${TONE_CLASS[s.tone]}`} data-testid={`deploy-stage-${s.name}`} data-state={stages[s.name]?.state ?? 'pending'}>
          <span className={styles.mark} aria-hidden="true"><Icon name={TONE_MARK[s.tone]} size={12} /></span>
          <span className={styles.label}>{s.label}<span className={styles.colon}>{': '}</span></span>
          <span className={styles.words} data-testid="deploy-stage-words">{s.words}</span>
        </li>
      ))}
    </ol>
  );
}

function Findings({ diagnostics }: { diagnostics: Diagnostic[] }) {
  return (
    <ul className={styles.findings}>
      {diagnostics.map((d, i) =>
        // A finding on a custom activity or a node opens / shows it, as in the Problems list.
        isLocated(d) ? (
          <li key={i}><DiagnosticItem diagnostic={d} testId="deploy-finding" /></li>
        ) : (
          <li key={i} className={`diag--${d.severity} ${styles.plain}`} data-testid="deploy-finding-text">{d.message}</li>
        ),
      )}
    </ul>
  );
}

const problems = (n: number) => `${n} problem${n === 1 ? '' : 's'}`;

/**
 * A refused deploy's details. They follow the design: after an edit, a validation refusal shows the
 * live problems (the Problems list's), and any other refusal says it is out of date and offers to check again.
 */
function Refusal({ state, onRecheck }: { state: Extract<DeployState, { kind: 'error' }>; onRecheck?: () => void }) {
  const changeCount = useDesignerStore((s) => s.changeCount);
  const compile = useDesignerStore((s) => s.compile);
  const changed = state.changeCount !== undefined && changeCount !== state.changeCount;
  const stage = state.stages ? stoppedAt(state.stages) : null;
  const followsLive = changed && stage === 'validate' && compile.status === 'ok';
  if (followsLive) {
    const errors = compile.diagnostics.filter((d) => d.severity === 'error');
    return (
      <>
        <p className={styles.message} data-testid="deploy-error">
          {errors.length === 0
            ? 'The problems that stopped this deploy are fixed.'
            : `The design has ${problems(errors.length)} to fix before it can be deployed (updated as you edit).`}
        </p>
        {errors.length > 0 && <Findings diagnostics={errors} />}
        {onRecheck && errors.length === 0 && (
          <button type="button" className="btn btn--sm btn--primary" onClick={onRecheck} data-testid="deploy-recheck">Deploy again</button>
        )}
      </>
    );
  }
  return (
    <>
      <p className={styles.message} data-testid="deploy-error">{state.message}</p>
      {changed && (
        <p className={styles.stale} data-testid="deploy-stale">
          <span>The design has changed since this check{stage === 'validate' ? '; checking it again…' : ': this result may be out of date.'}</span>
          {onRecheck && stage !== 'validate' && (
            <button type="button" className="btn btn--sm" onClick={onRecheck} data-testid="deploy-recheck">Check again</button>
          )}
        </p>
      )}
      {state.diagnostics.length > 0 && !state.canForce && <Findings diagnostics={state.diagnostics} />}
    </>
  );
}

/**
 * Progress by stage and the outcome of a deployment, with the refusal's diagnostics, and "deploy
 * anyway" after a replay warning. A finished deploy's panel closes with × or Escape (a success by itself).
 */
export function DeployStatus({
  state,
  onDismiss,
  onForce,
  onRecheck,
  hadActiveDeployment = null,
}: {
  state: DeployState;
  onDismiss: () => void;
  onForce?: () => void;
  onRecheck?: () => void;
  /** Whether the design had an active deployment when this deploy began (says why a replay check was skipped). */
  hadActiveDeployment?: boolean | null;
}) {
  const finished = state.kind === 'deployed' || state.kind === 'error';
  useEffect(() => {
    if (state.kind !== 'deployed' || state.warnings.length > 0) return;
    const timer = setTimeout(onDismiss, SUCCESS_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [state, onDismiss]);
  useEffect(() => {
    if (!finished) return;
    const onKey = (e: KeyboardEvent) => {
      // An open dialog takes its own Escape.
      if (e.key !== 'Escape' || e.defaultPrevented || document.querySelector('dialog[open]')) return;
      onDismiss();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [finished, onDismiss]);
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
    <div className={`deploy-status deploy-status--${tone} ${styles.panel}`} data-testid="deploy-status" data-state={state.kind} role="status">
      <div className="deploy-status__line">
        <strong>{text}</strong>
        {finished && (
          <button type="button" className="icon-btn" aria-label="Dismiss (Escape)" title="Dismiss (Escape)" data-testid="deploy-dismiss" onClick={onDismiss}>×</button>
        )}
      </div>
      {state.kind === 'deployed' && <p className={styles.note}>New executions start on it; task queue <code>{state.deployment.taskQueue}</code>.</p>}
      {stages && <StageList stages={stages} ended={state.kind === 'error'} hadActiveDeployment={hadActiveDeployment} />}
      {state.kind === 'deployed' && state.warnings.map((w, i) => <p key={i} className={styles.warningText} data-testid="deploy-warning">{w}</p>)}
      {state.kind === 'error' && <Refusal state={state} onRecheck={onRecheck} />}
      {state.kind === 'error' && state.canForce && onForce && (
        <button type="button" className="btn btn--sm btn--primary" onClick={onForce} data-testid="deploy-anyway">
          Deploy anyway as a new version (running executions stay on theirs)
        </button>
      )}
      {finished && <p className={styles.hint}>Press Escape or × to close.</p>}
    </div>
  );
}
