'use client';
import { useCallback, useEffect, useState } from 'react';
import type { DeploymentVersionView, DesignVersioningView, VersionStatus } from '@/lib/deploy/versioning-view';
import { errorMessage, request } from '../api/client';
import { formatRelative } from '../ui/format-time';
import { deployWithProgress } from './monitor-api';
import styles from './DeploymentsList.module.css';
import { parseRampPercentage, versionActions, versionLabel, type VersionAction } from './version-actions';

/** How often the panel asks again while open: executions move between versions as they run. */
const REFRESH_MS = 5_000;

const STATUS_BADGE: Record<VersionStatus, { tone: string; title: string }> = {
  current: { tone: 'success', title: 'New executions start on this version' },
  ramping: { tone: 'warning', title: 'A share of new executions start on this version' },
  draining: { tone: 'info', title: 'No new executions; pinned executions still run on it' },
  drained: { tone: 'neutral', title: 'Nothing runs on it any more; its worker is being retired' },
  inactive: { tone: 'neutral', title: 'Deployed, not routed to' },
  retired: { tone: 'neutral', title: 'No worker runs it; Promote or Roll back starts one again' },
  legacy: { tone: 'neutral', title: 'Deployed before Worker Versioning, on its own task queue' },
};

interface Outcome {
  tone: 'ok' | 'error';
  text: string;
}

/**
 * The design's versions as Temporal routes them (GET /api/designs/[id]/versioning): the stable task
 * queue callers use, the behaviour (pinned | auto-upgrade), and each deployment with its status and
 * executions, with Promote / Roll back (set the current version — instant, no redeploy), Ramp % and
 * Stop ramp. Every change asks for confirmation first.
 */
export function DeploymentsList({ designId }: { designId: string }) {
  const [view, setView] = useState<DesignVersioningView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  /** The running deploy's stage, while a canary deploy runs. */
  const [progress, setProgress] = useState<string | null>(null);
  const base = `/api/designs/${encodeURIComponent(designId)}/versioning`;

  const load = useCallback(async () => {
    try {
      setView(await request<DesignVersioningView>(base));
      setLoadError(null);
    } catch (err) {
      setLoadError(errorMessage(err));
    }
  }, [base]);
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);

  /** Runs one change with its progress label; the answer's versioning replaces the view. */
  async function change(label: string, done: string, call: () => Promise<{ versioning?: DesignVersioningView }>) {
    setBusy(label);
    setOutcome(null);
    try {
      const answer = await call();
      if (answer.versioning) setView(answer.versioning);
      setOutcome({ tone: 'ok', text: done });
    } catch (err) {
      setOutcome({ tone: 'error', text: errorMessage(err) });
    }
    setBusy(null);
    void load();
  }

  function act(action: VersionAction, row: DeploymentVersionView) {
    const name = view ? versionLabel(row, view.deployments) : `v${row.version}`;
    switch (action) {
      case 'promote':
      case 'rollback': {
        const verb = action === 'promote' ? 'Promote' : 'Roll back to';
        if (!window.confirm(`${verb} ${name} (build ${row.buildId})? New executions start on it at once; running pinned executions finish on their own version.`)) return;
        void change(`${action}-${row.deploymentId}`, `${name} is the current version.`, () =>
          request(`${base}/promote`, { method: 'POST', body: { deploymentId: row.deploymentId } }),
        );
        return;
      }
      case 'ramp': {
        const typed = window.prompt(`Ramp ${name}: which share of new executions (1–99 %) should start on it? The current version keeps the rest.`, '10');
        if (typed === null) return;
        const parsed = parseRampPercentage(typed);
        if ('error' in parsed) {
          setOutcome({ tone: 'error', text: parsed.error });
          return;
        }
        void change(`ramp-${row.deploymentId}`, `${name} ramps at ${parsed.percentage} %.`, () =>
          request(`${base}/ramp`, { method: 'POST', body: { deploymentId: row.deploymentId, percentage: parsed.percentage } }),
        );
        return;
      }
      case 'stop-ramp':
        if (!window.confirm(`Stop ramping ${name}? Every new execution starts on the current version again.`)) return;
        void change(`stop-ramp-${row.deploymentId}`, 'The ramp is stopped.', () => request(`${base}/ramp`, { method: 'DELETE' }));
        return;
      case 'redeploy':
        if (!window.confirm(`Redeploy ${name} (deployment ${row.deploymentId}) as a new version on the design's stable task queue and make it current?`)) return;
        void change(`redeploy-${row.deploymentId}`, `${name} was redeployed and is current.`, async () => {
          const { status, body } = await deployWithProgress(`/api/deployments/${encodeURIComponent(row.deploymentId)}/rollback`, {}, () => {});
          if (status !== 201) throw new Error((body as { error?: { message?: string } }).error?.message ?? `The server answered ${status}.`);
          return {};
        });
        return;
    }
  }

  /** Deploys the latest saved version as the ramping one (a canary): the current version keeps the rest. */
  function deployCanary() {
    const typed = window.prompt(
      'Deploy the latest saved version as a canary: which share of new executions (1–99 %) should start on it? The current version keeps the rest.',
      '10',
    );
    if (typed === null) return;
    const parsed = parseRampPercentage(typed);
    if ('error' in parsed) {
      setOutcome({ tone: 'error', text: parsed.error });
      return;
    }
    void change('deploy-canary', `The new version ramps at ${parsed.percentage} %.`, async () => {
      const { status, body } = await deployWithProgress(`/api/designs/${encodeURIComponent(designId)}/deployments`, { ramp: parsed.percentage }, (line) =>
        setProgress(`Deploying the canary — ${line.stage}: ${line.state}`),
      ).finally(() => setProgress(null));
      if (status !== 201) throw new Error((body as { error?: { message?: string } }).error?.message ?? `The deploy was refused (${status}).`);
      return {};
    });
  }

  async function setBehavior(behavior: DesignVersioningView['behavior']) {
    const explain =
      behavior === 'pinned'
        ? 'Pinned: running executions finish on the version they started on.'
        : 'Auto-upgrade: running executions move to the current version at their next step (allowed only when the latest deploy passed its replay check).';
    if (!window.confirm(`${explain} Applies to the versions deployed from now on. Change it?`)) return;
    await change(`behavior-${behavior}`, `The design is ${behavior} from its next deploy on.`, () => request(`${base}/behaviour`, { method: 'PUT', body: { behavior } }));
  }

  if (!view) {
    return (
      <div data-testid="versions-panel">
        <h4 className="panel-title">Versions</h4>
        <p className="empty-small">{loadError ? `Could not load the versions: ${loadError}` : 'Loading versions…'}</p>
      </div>
    );
  }
  const ramping = view.deployments.find((d) => d.buildId !== null && d.buildId === view.rampingBuildId);
  const current = view.deployments.find((d) => d.buildId !== null && d.buildId === view.currentBuildId);
  return (
    <div data-testid="versions-panel" aria-busy={busy !== null}>
      <h4 className="panel-title">Versions</h4>
      <p className={`small ${styles.queue}`}>
        <span>Task queue</span> <code data-testid="stable-task-queue">{view.taskQueue}</code>
        <button type="button" className="btn btn--ghost btn--sm" onClick={() => void navigator.clipboard?.writeText(view.taskQueue)} title="Callers use this queue; it stays the same across deploys and rollbacks">
          Copy
        </button>
      </p>
      <p className="small">
        <label>
          Running executions{' '}
          <select value={view.behavior} disabled={busy !== null} data-testid="versioning-behavior" onChange={(e) => void setBehavior(e.target.value as DesignVersioningView['behavior'])}>
            <option value="pinned">stay on their version (pinned)</option>
            <option value="auto-upgrade">move to the current version (auto-upgrade)</option>
          </select>
        </label>
      </p>
      <p className="small" data-testid="routing-summary">
        {!current && 'No current version yet: deploy to route new executions.'}
        {current && !ramping && <>New executions start on <strong>{versionLabel(current, view.deployments)}</strong>.</>}
        {current && ramping && (
          <>
            New executions: <strong>{100 - view.rampingPercentage} %</strong> on {versionLabel(current, view.deployments)}, <strong>{view.rampingPercentage} %</strong> on{' '}
            {versionLabel(ramping, view.deployments)} (ramping).
          </>
        )}
      </p>
      {view.temporalError && <p className="banner banner--error">Temporal could not be asked; statuses come from Signalbox alone.</p>}
      {view.deployments.length === 0 ? (
        <p className="empty-small">Not deployed yet. Deploy to get the first version; callers use the task queue above from then on.</p>
      ) : (
        <table className={styles.table}>
          <thead>
            <tr>
              <th>Version</th>
              <th>Status</th>
              <th>Deployed</th>
              <th title="Open / all executions on this version">Running / all</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {view.deployments.slice(0, 10).map((row) => (
              <VersionRow key={row.deploymentId} row={row} view={view} busy={busy} onAct={act} />
            ))}
          </tbody>
        </table>
      )}
      {current && (
        <p className="small">
          <button type="button" className="btn btn--ghost btn--sm" disabled={busy !== null} onClick={deployCanary} data-testid="deploy-canary">
            {busy === 'deploy-canary' ? 'Deploying canary…' : 'Deploy as canary…'}
          </button>
        </p>
      )}
      {busy && <p className="small muted" data-testid="versioning-busy">{progress ?? 'Working…'}</p>}
      {outcome && <p className={`outcome outcome--${outcome.tone}`} data-testid="versioning-result">{outcome.text}</p>}
    </div>
  );
}

const ACTION_LABEL: Record<VersionAction, string> = { promote: 'Promote', rollback: 'Roll back', ramp: 'Ramp %', 'stop-ramp': 'Stop ramp', redeploy: 'Redeploy' };

function VersionRow({
  row,
  view,
  busy,
  onAct,
}: {
  row: DeploymentVersionView;
  view: DesignVersioningView;
  busy: string | null;
  onAct: (action: VersionAction, row: DeploymentVersionView) => void;
}) {
  const badge = STATUS_BADGE[row.status];
  return (
    <tr data-testid="deployment-row" data-deployment-id={row.deploymentId} data-status={row.status}>
      <td title={row.buildId ? `build ${row.buildId}` : `legacy queue ${row.taskQueue}`}>
        <strong>{versionLabel(row, view.deployments)}</strong>
      </td>
      <td>
        <span className={`badge badge--${badge.tone}`} title={badge.title}>
          {row.status}
          {row.status === 'ramping' ? ` ${view.rampingPercentage} %` : ''}
        </span>
      </td>
      <td className="muted">{formatRelative(row.createdAt)}</td>
      <td className={styles.numbers} data-testid="version-executions">
        {row.executions ? `${row.executions.open} / ${row.executions.total}` : '—'}
      </td>
      <td>
        <span className={styles.actions}>
          {versionActions(row, view).map((action) => (
            <button
              key={action}
              type="button"
              className={`btn btn--sm ${action === 'promote' ? 'btn--primary' : 'btn--ghost'}`}
              disabled={busy !== null}
              onClick={() => onAct(action, row)}
              data-testid={`${action}-${row.deploymentId}`}
            >
              {busy === `${action}-${row.deploymentId}` ? `${ACTION_LABEL[action]}…` : ACTION_LABEL[action]}
            </button>
          ))}
        </span>
      </td>
    </tr>
  );
}
