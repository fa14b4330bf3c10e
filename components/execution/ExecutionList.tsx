'use client';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useState, type FormEvent } from 'react';
import { isHandlerNode, recordsStep } from '@/codegen/design';
import { api, errorMessage } from '../api/client';
import type { DesignSummary } from '../api/types';
import { StatusBadge } from '../ui/StatusBadge';
import { formatRelative, formatTime } from '../ui/format-time';
import styles from './monitor.module.css';
import { monitorApi, type ExecutionListPage } from './monitor-api';

const STATUSES = ['Running', 'Completed', 'Failed', 'Canceled', 'Terminated', 'TimedOut', 'ContinuedAsNew'];
const FILTERS = ['designId', 'version', 'status', 'step', 'workflowId'] as const;
const PAGE_SIZE = 50;
const REFRESH_MS = 5000;

/**
 * Every Signalbox execution through Temporal visibility. The filters live in the URL (shareable,
 * back button); pages follow the server's nextPageToken, with a stack of earlier tokens for "Previous".
 */
export function ExecutionList() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const [designs, setDesigns] = useState<DesignSummary[]>([]);
  const [steps, setSteps] = useState<{ id: string; label: string }[]>([]);
  const [page, setPage] = useState<ExecutionListPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tokens, setTokens] = useState<string[]>([]);
  const [tick, setTick] = useState(0);
  const filterKey = FILTERS.map((f) => params.get(f) ?? '').join('\u0000');
  const pageToken = tokens.at(-1) ?? null;

  useEffect(() => {
    api.listDesigns().then((r) => setDesigns(r.designs), () => setDesigns([]));
  }, []);

  useEffect(() => {
    setTokens([]);
  }, [filterKey]);

  // With a design chosen, the step field suggests the steps the list can find executions in
  // (the ones the workflow records; it passes through the others without a trace in visibility).
  const designId = params.get('designId');
  useEffect(() => {
    if (!designId) return setSteps([]);
    let current = true;
    api.getDesign(designId).then(
      ({ design }) => {
        if (current) setSteps(design.nodes.filter((n) => !isHandlerNode(n) && recordsStep(n)).map((n) => ({ id: n.id, label: n.label || n.id })));
      },
      () => current && setSteps([]),
    );
    return () => {
      current = false;
    };
  }, [designId]);

  useEffect(() => {
    const controller = new AbortController();
    const query = new URLSearchParams();
    for (const f of FILTERS) {
      const v = params.get(f);
      if (v) query.set(f, v);
    }
    query.set('pageSize', String(PAGE_SIZE));
    query.set('count', '1');
    if (pageToken) query.set('pageToken', pageToken);
    monitorApi.listExecutions(query, controller.signal).then(
      (next) => {
        setPage(next);
        setError(null);
      },
      (err) => {
        if (!controller.signal.aborted) setError(errorMessage(err));
      },
    );
    const timer = setTimeout(() => setTick((t) => t + 1), REFRESH_MS);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
    // filterKey stands for the filter params
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [filterKey, pageToken, tick]);

  function applyFilters(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const next = new URLSearchParams();
    for (const f of FILTERS) {
      const v = String(form.get(f) ?? '').trim();
      if (v) next.set(f, v);
    }
    router.push(`${pathname}${next.size ? `?${next}` : ''}`);
  }

  const designName = new Map(designs.map((d) => [d.id, d.name]));
  const first = tokens.length * PAGE_SIZE + 1;
  return (
    <div className={styles.page}>
      <header className={styles.head}>
        <Link href="/" className="back">← Designs</Link>
        <h1>Executions</h1>
        {page?.total !== undefined && <span className="muted" data-testid="executions-total">{page.total} matching</span>}
      </header>
      <form className={styles.filters} onSubmit={applyFilters} key={filterKey} data-testid="execution-filters">
        <label>Design
          <select name="designId" defaultValue={params.get('designId') ?? ''} className="input" data-testid="filter-design">
            <option value="">All designs</option>
            {designs.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
          </select>
        </label>
        <label>Version
          <input name="version" type="number" min={1} defaultValue={params.get('version') ?? ''} className="input" data-testid="filter-version" />
        </label>
        <label>Status
          <select name="status" defaultValue={params.get('status') ?? ''} className="input" data-testid="filter-status">
            <option value="">Any status</option>
            {STATUSES.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </label>
        <label>Step (node id)
          <input name="step" defaultValue={params.get('step') ?? ''} className="input" list="filter-step-options" data-testid="filter-step" />
          <datalist id="filter-step-options" data-testid="filter-step-options">
            {steps.map((s) => <option key={s.id} value={s.id}>{s.label}</option>)}
          </datalist>
        </label>
        <label>Workflow id starts with
          <input name="workflowId" defaultValue={params.get('workflowId') ?? ''} className="input" data-testid="filter-workflow-id" />
        </label>
        <button type="submit" className="btn btn--primary btn--sm" data-testid="filter-apply">Filter</button>
        <button type="button" className="btn btn--ghost btn--sm" onClick={() => router.push(pathname)}>Clear</button>
      </form>
      {error && <p className="banner banner--error" data-testid="executions-error">Could not list executions: {error}</p>}
      {!page && !error && <p className="muted">Loading executions…</p>}
      {page && page.executions.length === 0 && (
        <p className="empty" data-testid="executions-empty">
          {filterKey.replace(/\u0000/g, '') ? 'No execution matches these filters.' : 'No executions yet: deploy a design and start it.'}
        </p>
      )}
      {page && page.executions.length > 0 && (
        <table className={styles.table} data-testid="executions-table">
          <thead>
            <tr><th>Status</th><th>Workflow id</th><th>Design</th><th>Version</th><th>Current step</th><th>Started</th><th>Closed</th></tr>
          </thead>
          <tbody>
            {page.executions.map((e) => (
              <tr key={`${e.workflowId}/${e.runId}`} data-testid="execution-row" data-workflow-id={e.workflowId} data-status={e.status}>
                <td><StatusBadge status={e.status} /></td>
                <td><Link href={`/executions/${encodeURIComponent(e.workflowId)}`} className={styles.mono}>{e.workflowId}</Link></td>
                <td>{e.designName ?? (e.designId ? designName.get(e.designId) ?? e.designId : '—')}</td>
                <td>{e.designVersion ? `v${e.designVersion}` : '—'}</td>
                <td data-testid="execution-row-step"><code>{e.step ?? '—'}</code></td>
                <td title={formatTime(e.startTime)}>{formatRelative(e.startTime)}</td>
                <td>{e.closeTime ? formatTime(e.closeTime) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {page && (tokens.length > 0 || page.nextPageToken) && (
        <nav className={styles.pager} aria-label="Pages">
          <button type="button" className="btn btn--ghost btn--sm" disabled={tokens.length === 0} onClick={() => setTokens((t) => t.slice(0, -1))} data-testid="page-prev">
            ← Previous
          </button>
          <span className="muted">{first}–{first + page.executions.length - 1}</span>
          <button type="button" className="btn btn--ghost btn--sm" disabled={!page.nextPageToken}
            onClick={() => page.nextPageToken && setTokens((t) => [...t, page.nextPageToken!])} data-testid="page-next">
            Next →
          </button>
        </nav>
      )}
    </div>
  );
}
