'use client';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { isHandlerNode, recordsStep } from '@/codegen/design';
import { api, errorMessage } from '../api/client';
import { useAccess } from '../auth/CurrentUser';
import { StatusBadge } from '../ui/StatusBadge';
import { formatRelative, formatTime } from '../ui/format-time';
import { ExecutionBulkDialog, type BulkAction } from './ExecutionBulkDialog';
import styles from './ExecutionList.module.css';
import { executionsListApi, type BulkAnswer, type DesignChoice, type ListPageWithFacets, type StatusCounts } from './executions-list-api';
import type { ExecutionRow } from './monitor-api';

/** The status chips, in visibility's names (the URL's `status`), with the words shown. */
const STATUS_CHIPS: { status: keyof StatusCounts; label: string }[] = [
  { status: 'Running', label: 'Running' },
  { status: 'Completed', label: 'Completed' },
  { status: 'Failed', label: 'Failed' },
  { status: 'Canceled', label: 'Canceled' },
  { status: 'Terminated', label: 'Terminated' },
  { status: 'TimedOut', label: 'Timed out' },
  { status: 'ContinuedAsNew', label: 'Continued as new' },
];
/** The filters the URL keeps (reload, back and forward, a shared link show the same list). */
const FILTERS = ['designId', 'version', 'status', 'step', 'workflowId'] as const;
const PAGE_SIZE = 50;
const REFRESH_MS = 5000;

/** "Order · v3 · deployed 12 Mar, 14:02", with the id added where that still leaves two alike. */
function designLabels(designs: DesignChoice[]): Map<string, string> {
  const base = new Map(
    designs.map((d) => [
      d.id,
      `${d.name} · v${d.version} · deployed ${new Date(d.lastDeployedAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}`,
    ]),
  );
  const seen = new Map<string, number>();
  for (const label of base.values()) seen.set(label, (seen.get(label) ?? 0) + 1);
  return new Map([...base].map(([id, label]) => [id, (seen.get(label) ?? 0) > 1 ? `${label} · ${id}` : label]));
}

/** The row's step in words: live, where a closed run ended, or (no worker answered) the last recorded. */
function StepCell({ row }: { row: ExecutionRow }) {
  if (!row.step) return <span className="muted">—</span>;
  const name = row.stepLabel ?? row.step;
  if (row.stepSource === 'ended') {
    return <span data-step-source="ended"><span className={styles.stepTag}>ended at</span> {name}</span>;
  }
  if (row.status !== 'RUNNING') {
    return <span data-step-source="recorded" title="No worker answered for this execution: the last step it waited in">{name} <span className={styles.stepTag}>last recorded</span></span>;
  }
  return <span data-step-source={row.stepSource}>{name}</span>;
}

/**
 * Every Signalbox execution through Temporal visibility: status counts to filter by, the design
 * (told apart by version and last deploy), the step by its label, a workflow id search — all kept
 * in the URL — and, for operators, cancel or terminate of the selected executions after a
 * confirmation. Pages follow the server's nextPageToken, with a stack of earlier tokens for "Previous".
 */
export function ExecutionList() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const bulkAccess = useAccess('POST', '/api/executions/bulk');
  const [designs, setDesigns] = useState<DesignChoice[] | null>(null);
  const [steps, setSteps] = useState<{ id: string; label: string }[]>([]);
  const [page, setPage] = useState<ListPageWithFacets | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tokens, setTokens] = useState<string[]>([]);
  const [tick, setTick] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [bulk, setBulk] = useState<BulkAction | null>(null);
  const [outcome, setOutcome] = useState<BulkAnswer | null>(null);
  const filterKey = FILTERS.map((f) => params.get(f) ?? '').join('\u0000');
  const pageToken = tokens.at(-1) ?? null;
  const designId = params.get('designId');

  useEffect(() => {
    setTokens([]);
    setSelected(new Set());
  }, [filterKey]);

  // With a design chosen, the step select offers the steps the list can find executions in, by
  // label (the ones the workflow records; it passes through the others without a trace in visibility).
  useEffect(() => {
    if (!designId) return setSteps([]);
    let current = true;
    api.getDesign(designId).then(
      ({ design }) => {
        if (current) setSteps(design.nodes.filter((n) => !isHandlerNode(n) && recordsStep(n)).map((n) => ({ id: n.id, label: n.label?.trim() || n.id })));
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
    query.set('counts', '1');
    if (designs === null) query.set('designs', '1');
    if (pageToken) query.set('pageToken', pageToken);
    executionsListApi.page(query, controller.signal).then(
      (next) => {
        setPage(next);
        if (next.designs) setDesigns(next.designs);
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
    // filterKey stands for the filter params; designs are asked for once
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [filterKey, pageToken, tick]);

  /** Sets filters in the URL (a new history entry, so back goes to the previous filters). */
  function navigate(changes: Partial<Record<(typeof FILTERS)[number], string>>) {
    const next = new URLSearchParams();
    for (const f of FILTERS) {
      const v = (f in changes ? changes[f] : params.get(f)) ?? '';
      if (v.trim()) next.set(f, v.trim());
    }
    router.push(`${pathname}${next.size ? `?${next}` : ''}`);
  }

  function search(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    navigate({ workflowId: String(form.get('workflowId') ?? ''), version: String(form.get('version') ?? '') });
  }

  const labels = useMemo(() => designLabels(designs ?? []), [designs]);
  const status = params.get('status') ?? '';
  const counts = page?.statusCounts;
  const allCount = counts ? Object.values(counts).reduce((a, b) => a + b, 0) : undefined;
  const selectable = bulkAccess.allowed ? (page?.executions ?? []).filter((e) => e.status === 'RUNNING') : [];
  const allSelected = selectable.length > 0 && selectable.every((e) => selected.has(e.workflowId));
  const first = tokens.length * PAGE_SIZE + 1;
  const chosenStep = params.get('step') ?? '';

  function toggle(workflowId: string) {
    setSelected((s) => {
      const next = new Set(s);
      if (!next.delete(workflowId)) next.add(workflowId);
      return next;
    });
  }

  return (
    <div className={styles.page}>
      <header className={styles.head}>
        <Link href="/" className="back">← Designs</Link>
        <h1>Executions</h1>
        {page?.total !== undefined && <span className="muted" data-testid="executions-total">{page.total} matching</span>}
      </header>

      <nav className={styles.chips} aria-label="Filter by status" data-testid="status-counts">
        <button type="button" className={styles.chip} aria-pressed={status === ''} onClick={() => navigate({ status: '' })} data-testid="status-chip-all">
          All <span className={styles.count}>{allCount ?? '…'}</span>
        </button>
        {STATUS_CHIPS.filter((c) => c.status !== 'ContinuedAsNew' || (counts?.ContinuedAsNew ?? 0) > 0 || status === c.status).map((c) => (
          <button key={c.status} type="button" className={styles.chip} data-tone={c.status} aria-pressed={status === c.status}
            onClick={() => navigate({ status: status === c.status ? '' : c.status })} data-testid={`status-chip-${c.status}`}>
            {c.label} <span className={styles.count} data-testid="status-count">{counts ? counts[c.status] : '…'}</span>
          </button>
        ))}
      </nav>

      <form className={styles.filters} onSubmit={search} key={filterKey} data-testid="execution-filters">
        <label>Design
          <select name="designId" value={designId ?? ''} onChange={(e) => navigate({ designId: e.target.value, step: '', version: '' })} className="input" data-testid="filter-design">
            <option value="">All designs</option>
            {designId && designs && !labels.has(designId) && <option value={designId}>{designId}</option>}
            {(designs ?? []).map((d) => <option key={d.id} value={d.id}>{labels.get(d.id)}</option>)}
          </select>
        </label>
        <label>Step
          <select name="step" value={chosenStep} onChange={(e) => navigate({ step: e.target.value })} className="input" disabled={!designId && !chosenStep}
            title={designId ? 'Executions waiting in this step' : 'Choose a design first'} data-testid="filter-step">
            <option value="">{designId ? 'Any step' : 'Choose a design first'}</option>
            {chosenStep && !steps.some((s) => s.id === chosenStep) && <option value={chosenStep}>{chosenStep}</option>}
            {steps.map((s) => <option key={s.id} value={s.id}>{s.label}</option>)}
          </select>
        </label>
        <label>Version
          <input name="version" type="number" min={1} defaultValue={params.get('version') ?? ''} className={`input ${styles.narrow}`} data-testid="filter-version" />
        </label>
        <label>Workflow id starts with
          <input name="workflowId" type="search" defaultValue={params.get('workflowId') ?? ''} className="input" data-testid="filter-workflow-id" />
        </label>
        <button type="submit" className="btn btn--primary btn--sm" data-testid="filter-apply">Search</button>
        <button type="button" className="btn btn--ghost btn--sm" onClick={() => router.push(pathname)} data-testid="filter-clear">Clear</button>
      </form>

      {bulkAccess.allowed && selected.size > 0 && (
        <div className={styles.bulkBar} role="region" aria-label="Selected executions" data-testid="bulk-bar">
          <strong data-testid="bulk-count">{selected.size} selected</strong>
          <button type="button" className="btn btn--sm" onClick={() => setBulk('cancel')} data-testid="bulk-cancel">Cancel…</button>
          <button type="button" className={`btn btn--sm ${styles.danger}`} onClick={() => setBulk('terminate')} data-testid="bulk-terminate">Terminate…</button>
          <button type="button" className="btn btn--ghost btn--sm" onClick={() => setSelected(new Set())}>Clear selection</button>
        </div>
      )}
      {outcome && (
        <div className={`banner ${outcome.failed ? 'banner--error' : ''}`} role="status" data-testid="bulk-outcome">
          {outcome.succeeded} done{outcome.failed ? `, ${outcome.failed} not` : ''}.
          {outcome.results.filter((r) => !r.ok).map((r) => (
            <div key={r.workflowId}><code>{r.workflowId}</code>: {!r.ok && r.error.message}</div>
          ))}
          <button type="button" className="btn btn--ghost btn--sm" onClick={() => setOutcome(null)}>Dismiss</button>
        </div>
      )}
      {bulk && (
        <ExecutionBulkDialog action={bulk} workflowIds={[...selected]} onClose={() => setBulk(null)}
          onDone={(answer) => {
            setBulk(null);
            setOutcome(answer);
            setSelected(new Set());
            setTick((t) => t + 1);
          }} />
      )}

      {error && <p className="banner banner--error" data-testid="executions-error">Could not list executions: {error}</p>}
      {!page && !error && <p className="muted">Loading executions…</p>}
      {page && page.executions.length === 0 && (
        <p className="empty" data-testid="executions-empty">
          {filterKey.replace(/\u0000/g, '') ? 'No execution matches these filters.' : 'No executions yet: deploy a design and start it.'}
        </p>
      )}
      {page && page.executions.length > 0 && (
        <div className={styles.tableWrap}>
          <table className={styles.table} data-testid="executions-table">
            <thead>
              <tr>
                {bulkAccess.allowed && (
                  <th className={styles.check}>
                    <input type="checkbox" aria-label="Select every running execution on this page" checked={allSelected} disabled={selectable.length === 0}
                      onChange={() => setSelected(allSelected ? new Set() : new Set(selectable.map((e) => e.workflowId)))} data-testid="select-all" />
                  </th>
                )}
                <th className={styles.status}>Status</th><th>Workflow id</th><th>Design</th><th>Step</th><th className={styles.time}>Started</th><th className={styles.time}>Closed</th>
              </tr>
            </thead>
            <tbody>
              {page.executions.map((e) => (
                <tr key={`${e.workflowId}/${e.runId}`} data-testid="execution-row" data-workflow-id={e.workflowId} data-status={e.status}>
                  {bulkAccess.allowed && (
                    <td className={styles.check}>
                      {e.status === 'RUNNING' && (
                        <input type="checkbox" aria-label={`Select ${e.workflowId}`} checked={selected.has(e.workflowId)} onChange={() => toggle(e.workflowId)} data-testid="row-select" />
                      )}
                    </td>
                  )}
                  <td><StatusBadge status={e.status} /></td>
                  <td className={styles.idCell}><Link href={`/executions/${encodeURIComponent(e.workflowId)}`} className={styles.mono}>{e.workflowId}</Link></td>
                  <td data-testid="execution-row-design">
                    {e.designName ?? e.designId ?? '—'}
                    {e.designVersion ? <span className="muted"> · v{e.designVersion}</span> : null}
                  </td>
                  <td data-testid="execution-row-step"><StepCell row={e} /></td>
                  <td title={formatTime(e.startTime)} data-testid="execution-row-started">{formatRelative(e.startTime)}</td>
                  <td data-testid="execution-row-closed">{e.closeTime ? formatTime(e.closeTime) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
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
