'use client';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { describeApprover } from '../../lib/approvals/spec';
import { approvalsApi, type ProcessSummary } from './api';
import { ProcessForm } from './ProcessForm';

/** Set up approval processes (no canvas) and see the ones that exist. */
export function ProcessesView() {
  const [processes, setProcesses] = useState<ProcessSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    approvalsApi<{ processes: ProcessSummary[] }>('/api/processes').then((r) => setProcesses(r.processes), (e: Error) => setError(e.message));
  }, []);
  return (
    <div className="home" data-testid="processes">
      <header className="home__head">
        <div>
          <h1 className="brand brand--lg">Approval processes</h1>
          <p className="muted">Describe who approves what; Signalbox generates the workflow, deploys it, and it stays editable on the canvas.</p>
        </div>
      </header>
      <ProcessForm onCreated={(p) => setProcesses((list) => [p, ...(list ?? [])])} />
      <h2 className="section-title">Processes</h2>
      {error && <p className="banner banner--error" role="alert">{error}</p>}
      {processes === null ? (
        <p className="muted">Loading…</p>
      ) : processes.length === 0 ? (
        <p className="empty" data-testid="processes-empty">No process yet: fill in the form above, or start from the template.</p>
      ) : (
        <ul className="list-section" data-testid="process-list">
          {processes.map((p) => (
            <li key={p.id} className="list-row" data-testid="process-row">
              <strong>{p.name}</strong> {p.deployed ? <span className="badge badge--success">deployed</span> : <span className="badge badge--warning">not deployed</span>}{' '}
              <span className="muted small">{p.spec.levels.map((l) => `${l.name}: ${l.approvers.map(describeApprover).join(', ')}`).join(' → ')}</span>{' '}
              <Link href={`/designs/${encodeURIComponent(p.designId)}`} className="small">canvas</Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
