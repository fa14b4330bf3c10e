'use client';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../api/client';
import { formatRelative } from '../ui/format-time';
import { deployWithProgress } from './monitor-api';

interface DeploymentRow {
  id: string;
  version: number;
  taskQueue: string;
  status: 'active' | 'retired';
  createdAt: string;
}

/**
 * The design's deployments, newest first: the newest active one is where new executions start;
 * "Make current" on an older one rolls back (its verified code is recorded again as the newest).
 */
export function DeploymentsList({ designId }: { designId: string }) {
  const [rows, setRows] = useState<DeploymentRow[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const load = useCallback(async () => {
    try {
      const res = await fetch(`/api/designs/${encodeURIComponent(designId)}/deployments`, { cache: 'no-store' });
      if (res.ok) setRows(((await res.json()) as { deployments: DeploymentRow[] }).deployments);
    } catch {
      // the list stays as it was; the connection banner says why
    }
  }, [designId]);
  useEffect(() => {
    void load();
  }, [load]);

  async function rollback(row: DeploymentRow) {
    if (!window.confirm(`Make version ${row.version} (deployment ${row.id}) the one new executions start on? Running executions keep their versions.`)) return;
    setBusy(row.id);
    setMessage(null);
    try {
      const { status, body } = await deployWithProgress(`/api/deployments/${encodeURIComponent(row.id)}/rollback`, {}, () => {});
      const answer = body as { deployment?: DeploymentRow; error?: { message?: string } };
      setMessage(
        status === 201
          ? { tone: 'ok', text: `New executions start on v${answer.deployment!.version} again (deployment ${answer.deployment!.id}).` }
          : { tone: 'error', text: answer.error?.message ?? `The server answered ${status}.` },
      );
    } catch (err) {
      setMessage({ tone: 'error', text: errorMessage(err) });
    }
    setBusy(null);
    void load();
  }

  if (!rows || rows.length === 0) return null;
  const current = rows.find((r) => r.status === 'active');
  return (
    <div data-testid="deployments-list">
      <h4 className="panel-title">Deployments</h4>
      <ul>
        {rows.slice(0, 10).map((row) => (
          <li key={row.id} data-testid="deployment-row" data-deployment-id={row.id} data-status={row.status} className="small">
            <strong>v{row.version}</strong> <code className="muted">{row.id}</code> <span className="muted">{formatRelative(row.createdAt)}</span>{' '}
            {row === current ? <span className="badge badge--success">current</span>
              : row.status === 'retired' ? <span className="badge badge--neutral">retired</span>
              : <span className="badge badge--info" title="Keeps its worker while executions run on it">running out</span>}{' '}
            {row !== current && (
              <button type="button" className="btn btn--ghost btn--sm" disabled={busy !== null} onClick={() => void rollback(row)} data-testid={`rollback-${row.id}`}>
                {busy === row.id ? 'Rolling back…' : 'Make current'}
              </button>
            )}
          </li>
        ))}
      </ul>
      {message && <p className={`outcome outcome--${message.tone === 'ok' ? 'ok' : 'error'}`} data-testid="rollback-result">{message.text}</p>}
    </div>
  );
}
