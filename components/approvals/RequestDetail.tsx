'use client';
import { useCallback, useEffect, useState } from 'react';
import type { RequestField } from '@/lib/approvals/spec';
import { approvalsApi, type ProcessSummary, type RequestView } from './api';
import styles from './business.module.css';
import { DecisionPanel } from './DecisionPanel';
import { OutcomeBadge, RequestStatusView } from './RequestStatusView';

/** One request: what it waits for, its status and history, and the decision panel when the workflow says the viewer may decide. */
export function RequestDetail({ workflowId }: { workflowId: string }) {
  const [request, setRequest] = useState<RequestView | null>(null);
  const [fields, setFields] = useState<RequestField[]>([]);
  const [error, setError] = useState<string | null>(null);
  // Kept here: the decision panel disappears once the viewer may no longer decide.
  const [notice, setNotice] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setRequest((await approvalsApi<{ request: RequestView }>(`/api/requests/${encodeURIComponent(workflowId)}`)).request);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [workflowId]);
  useEffect(() => {
    void load();
  }, [load]);
  const processId = request?.processId;
  useEffect(() => {
    if (!processId) return;
    // Labels and types of the fields (money formatted); without them the fields show by name.
    approvalsApi<{ processes: ProcessSummary[] }>('/api/processes').then(
      (r) => setFields(r.processes.find((p) => p.id === processId)?.spec.fields ?? []),
      () => {},
    );
  }, [processId]);
  if (error) return <p className="page-message" role="alert">{error}</p>;
  if (!request) return <p className="muted">Loading…</p>;
  return (
    <div className={styles.page} data-testid="request-detail">
      <header className="home__head">
        <h1 className="brand brand--lg">
          {request.processName} <OutcomeBadge outcome={request.status.outcome} />
        </h1>
      </header>
      <div className={`${styles.card} ${styles.padded}`}>
        <RequestStatusView request={request} fields={fields} />
      </div>
      {notice && <p className="outcome outcome--ok" role="status" data-testid="request-notice">{notice}</p>}
      {request.canDecide && request.task && (
        <DecisionPanel
          workflowId={workflowId}
          task={request.task}
          onDecided={(result) => {
            setNotice(`Your decision was recorded: ${result}`);
            void load();
          }}
        />
      )}
    </div>
  );
}
