'use client';
import Link from 'next/link';
import { useCallback, useEffect, useState } from 'react';
import { api, errorMessage } from '../api/client';
import { DeploymentsList } from '../execution/DeploymentsList';
import type { ExecutionSummary } from '../api/types';
import { StatusBadge } from '../ui/StatusBadge';
import { formatRelative } from '../ui/format-time';

/** The design's latest executions, linking to their monitor pages. */
export function RecentExecutions({ designId }: { designId: string }) {
  const [executions, setExecutions] = useState<ExecutionSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setExecutions((await api.listExecutions(designId)).executions ?? []);
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [designId]);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="executions" data-testid="recent-executions">
      <div className="executions__bar">
        <button type="button" className="btn btn--ghost btn--sm" onClick={() => void load()}>Refresh</button>
        <Link href={`/executions?designId=${encodeURIComponent(designId)}`} className="btn btn--ghost btn--sm" data-testid="all-executions-link">All executions…</Link>
      </div>
      <DeploymentsList designId={designId} />
      {error && <p className="banner banner--error">Could not load executions: {error}</p>}
      {executions === null && !error && <p className="empty-small">Loading…</p>}
      {executions?.length === 0 && <p className="empty-small">No executions yet. Deploy, then press Start.</p>}
      <ul>
        {executions?.slice(0, 20).map((e) => (
          <li key={`${e.workflowId}-${e.runId}`}>
            <Link href={`/executions/${encodeURIComponent(e.workflowId)}`} className="exec-link">
              <StatusBadge status={e.status} />
              <span className="exec-link__id">{e.workflowId}</span>
              <span className="muted">{e.designVersion ? `v${e.designVersion} · ` : ''}{formatRelative(e.startTime)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
