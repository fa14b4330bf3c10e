'use client';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { describeApprover } from '@/lib/approvals/spec';
import { approvalsApi, type ProcessSummary } from './api';
import { ProcessForm } from './ProcessForm';

function versionText(p: ProcessSummary): string {
  if (p.deployedVersion === null) return `version ${p.latestVersion}, not deployed`;
  return p.deployedVersion === p.latestVersion ? `version ${p.latestVersion}` : `version ${p.latestVersion}, version ${p.deployedVersion} deployed`;
}

/** Set up approval processes (no canvas), see the ones that exist, and edit one in the same form. */
export function ProcessesView() {
  const [processes, setProcesses] = useState<ProcessSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<ProcessSummary | null>(null);
  useEffect(() => {
    approvalsApi<{ processes: ProcessSummary[] }>('/api/processes').then(
      (r) => {
        setProcesses(r.processes);
        // /processes?edit=<id> opens that process in the form (a link from elsewhere, or a reload while editing).
        const wanted = new URLSearchParams(window.location.search).get('edit');
        setEditing(r.processes.find((p) => p.id === wanted) ?? null);
      },
      (e: Error) => setError(e.message),
    );
  }, []);

  function edit(p: ProcessSummary | null) {
    setEditing(p);
    const url = new URL(window.location.href);
    if (p) url.searchParams.set('edit', p.id);
    else url.searchParams.delete('edit');
    window.history.replaceState(null, '', url);
    if (p) window.scrollTo({ top: 0, behavior: 'smooth' });
  }

  function saved(p: ProcessSummary) {
    setProcesses((list) => [p, ...(list ?? []).filter((x) => x.id !== p.id)]);
    // Still editing it: the form now knows the new version (a further save is based on it).
    if (editing?.id === p.id) setEditing(p);
  }

  return (
    <div className="home" data-testid="processes">
      <header className="home__head">
        <div>
          <h1 className="brand brand--lg">Approval processes</h1>
          <p className="muted">Describe who approves what; Signalbox generates the workflow, deploys it, and it stays editable on the canvas.</p>
        </div>
      </header>
      <ProcessForm key={editing?.id ?? 'new'} editing={editing} onSaved={saved} onCancelEdit={() => edit(null)} />
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
              <span className="badge badge--neutral" data-testid="process-version">{versionText(p)}</span>{' '}
              {p.changedOnCanvas && <span className="badge badge--warning" data-testid="process-changed-on-canvas">edited on the canvas</span>}{' '}
              <span className="muted small">{p.spec.levels.map((l) => `${l.name}: ${l.approvers.map(describeApprover).join(', ')}`).join(' → ')}</span>{' '}
              <button type="button" className="btn btn--ghost btn--sm" onClick={() => edit(p)} disabled={editing?.id === p.id} data-testid="process-edit">
                {editing?.id === p.id ? 'Editing' : 'Edit'}
              </button>{' '}
              <Link href={`/designs/${encodeURIComponent(p.designId)}`} className="small">canvas</Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
