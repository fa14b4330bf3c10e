'use client';
import Link from 'next/link';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { TypedFieldInput } from '../ui/TypedFieldInput';
import { coerceValues, fieldErrors, type FormField } from '../ui/typed-values';
import { approvalsApi, ApprovalsApiError, type ProcessSummary, type RequestView } from './api';
import styles from './business.module.css';
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
  /** What is wrong with each field, shown under it: from the form's own reading, or the server's refusal naming the field. */
  const [errors, setErrors] = useState<Record<string, string>>({});

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
  const formFields: FormField[] = (process?.spec.fields ?? []).map((f) => ({ name: f.name, type: f.type, required: f.required, ...(f.label ? { label: f.label } : {}) }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!process) return;
    setMessage(null);
    // Amounts as the user typed them in their locale ("1,500.00", "1.500,00 €"), read before anything is sent.
    const trimmed = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'string' && formFields.find((f) => f.name === k)?.type === 'string' ? v.trim() : v]));
    const coerced = coerceValues(formFields, trimmed);
    if ('error' in coerced) {
      // Said once, under the field (no banner repeating it); the first field in error takes the focus.
      setErrors(fieldErrors(formFields, trimmed));
      document.querySelector<HTMLInputElement>(`[data-testid="request-input-${coerced.field}"]`)?.focus();
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await approvalsApi('/api/requests', 'POST', { processId: process.id, fields: coerced.value });
      setMessage({ ok: true, text: `Submitted to ${process.name}` });
      setValues({});
      if (page === 1) await load();
      else setPage(1); // the newest is on the first page
    } catch (e) {
      const field = e instanceof ApprovalsApiError ? e.field?.replace(/^fields\./, '') : undefined;
      const text = e instanceof Error ? e.message : String(e);
      if (field && formFields.some((f) => f.name === field)) setErrors({ [field]: text });
      else setMessage({ ok: false, text });
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
        <form onSubmit={submit} className={styles.form} data-testid="request-form" noValidate>
          <label className="field">
            <span className="field__label">Process</span>
            <select className="input" value={processId} onChange={(e) => { setProcessId(e.target.value); setValues({}); setErrors({}); }} data-testid="request-process">
              {processes.map((p) => (
                <option key={p.id} value={p.id}>{p.name}</option>
              ))}
            </select>
          </label>
          <div className={styles.formFields}>
            {formFields.map((field) => (
              <TypedFieldInput
                key={field.name}
                field={field}
                value={values[field.name] ?? (field.type === 'boolean' ? false : '')}
                onChange={(v) => {
                  setValues({ ...values, [field.name]: v });
                  if (errors[field.name]) setErrors(({ [field.name]: _fixed, ...rest }) => rest);
                }}
                testId={`request-input-${field.name}`}
                error={errors[field.name]}
              />
            ))}
          </div>
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
      <div className={styles.sectionHead}>
        <h2 className="section-title">Submitted</h2>
        <button type="button" className="btn btn--ghost btn--sm" onClick={load} data-testid="requests-refresh">Refresh</button>
      </div>
      {requests === null ? (
        <p className="muted">Loading…</p>
      ) : requests.length === 0 ? (
        <p className="empty" data-testid="requests-empty">You have not submitted any request yet.</p>
      ) : (
        <ul className={styles.list} data-testid="my-requests">
          {requests.map((r) => (
            <li key={r.workflowId} className={`${styles.card} ${styles.padded}`} data-testid="my-request" data-workflow-id={r.workflowId}>
              <div className={styles.title}>
                <Link href={`/requests/${encodeURIComponent(r.workflowId)}`}>
                  <strong>{r.processName}</strong>
                </Link>
                <OutcomeBadge outcome={r.status.outcome} />
                <span className={styles.meta} data-dynamic>{new Date(r.submittedAt).toLocaleString()}</span>
              </div>
              <RequestStatusView request={r} fields={processes.find((p) => p.id === r.processId)?.spec.fields} />
            </li>
          ))}
        </ul>
      )}
      {requests !== null && total > PAGE_SIZE && <Pager page={page} pageSize={PAGE_SIZE} total={total} shown={requests.length} onPage={setPage} testId="requests-pager" />}
    </div>
  );
}
