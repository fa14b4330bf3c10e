'use client';
import Link from 'next/link';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { Field } from '@/codegen/design';
import { TypedFieldInput } from '../ui/TypedFieldInput';
import { approvalsApi, type ProcessSummary, type RequestView } from './api';
import { Pager } from './Pager';
import { OutcomeBadge, RequestStatusView } from './RequestStatusView';

const PAGE_SIZE = 20;

/** Submit a request to a process (a form built from its fields) and follow one's own requests. */
export function RequestsView() {
  const [processes, setProcesses] = useState<ProcessSummary[]>([]);
  const [processId, setProcessId] = useState('');
  const [values, setValues] = useState<Record<string, string | boolean>>({});
  const [requests, setRequests] = useState<RequestView[] | null>(null);
  const [page, setPage] = useState(1);
  const [total, setTotal] = useState(0);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const load = useCallback(async () => {
    try {
      const result = await approvalsApi<{ requests: RequestView[]; total: number }>(`/api/requests?page=${page}&pageSize=${PAGE_SIZE}`);
      setRequests(result.requests);
      setTotal(result.total);
    } catch (e) {
      setMessage({ ok: false, text: e instanceof Error ? e.message : String(e) });
    }
  }, [page]);

  useEffect(() => {
    approvalsApi<{ processes: ProcessSummary[] }>('/api/processes').then(
      (r) => {
        const deployed = r.processes.filter((p) => p.deployed);
        setProcesses(deployed);
        setProcessId((current) => current || deployed[0]?.id || '');
      },
      (e: Error) => setMessage({ ok: false, text: e.message }),
    );
    void load();
  }, [load]);

  const process = processes.find((p) => p.id === processId);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!process) return;
    setBusy(true);
    setMessage(null);
    const fields: Record<string, unknown> = {};
    for (const field of process.spec.fields) {
      const value = values[field.name];
      if (field.type === 'boolean') fields[field.name] = value === true;
      else if (typeof value === 'string' && value.trim() !== '') fields[field.name] = field.type === 'number' ? Number(value) : value.trim();
    }
    try {
      await approvalsApi('/api/requests', 'POST', { processId: process.id, fields });
      setMessage({ ok: true, text: `Submitted to ${process.name}` });
      setValues({});
      if (page === 1) await load();
      else setPage(1); // the newest is on the first page
    } catch (e) {
      setMessage({ ok: false, text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="home" data-testid="requests">
      <header className="home__head">
        <div>
          <h1 className="brand brand--lg">My requests</h1>
          <p className="muted">Ask for an approval and follow who has approved and who is still to decide.</p>
        </div>
      </header>
      {processes.length === 0 ? (
        <p className="empty" data-testid="requests-no-process">No approval process is deployed yet: ask a designer to set one up.</p>
      ) : (
        <form onSubmit={submit} className="msg-form" data-testid="request-form">
          <label className="field">
            <span className="field__label">Process</span>
            <select className="input" value={processId} onChange={(e) => { setProcessId(e.target.value); setValues({}); }} data-testid="request-process">
              {processes.map((p) => (
                <option key={p.id} value={p.id}>{p.name}</option>
              ))}
            </select>
          </label>
          {process?.spec.fields.map((f) => {
            const field: Field = { name: f.name, type: f.type, required: f.required, ...(f.label ? { label: f.label } : {}) };
            return (
              <TypedFieldInput key={f.name} field={field} value={values[f.name] ?? (f.type === 'boolean' ? false : '')} onChange={(v) => setValues({ ...values, [f.name]: v })} testId={`request-input-${f.name}`} />
            );
          })}
          <button type="submit" className="btn btn--primary" disabled={busy || !process} data-testid="request-submit">
            {busy ? 'Submitting…' : 'Submit request'}
          </button>
        </form>
      )}
      {message && (
        <p className={message.ok ? 'outcome outcome--ok' : 'outcome outcome--error'} role={message.ok ? 'status' : 'alert'} data-testid="request-message">
          {message.text}
        </p>
      )}
      <h2 className="section-title">Submitted</h2>
      <button type="button" className="btn btn--ghost btn--sm" onClick={load} data-testid="requests-refresh">Refresh</button>
      {requests === null ? (
        <p className="muted">Loading…</p>
      ) : requests.length === 0 ? (
        <p className="empty" data-testid="requests-empty">You have not submitted any request yet.</p>
      ) : (
        <ul className="list-section" data-testid="my-requests">
          {requests.map((r) => (
            <li key={r.workflowId} className="list-row" data-testid="my-request" data-workflow-id={r.workflowId}>
              <Link href={`/requests/${encodeURIComponent(r.workflowId)}`}>
                <strong>{r.processName}</strong> · {new Date(r.submittedAt).toLocaleString()}
              </Link>{' '}
              <OutcomeBadge outcome={r.status.outcome} />
              <RequestStatusView request={r} />
            </li>
          ))}
        </ul>
      )}
      {requests !== null && total > PAGE_SIZE && <Pager page={page} pageSize={PAGE_SIZE} total={total} shown={requests.length} onPage={setPage} testId="requests-pager" />}
    </div>
  );
}
