'use client';
import Link from 'next/link';
import { useCallback, useEffect, useState } from 'react';
import { approvalsApi, type ProcessSummary, type RequestView } from './api';
import { DecisionPanel } from './DecisionPanel';
import { Pager } from './Pager';
import styles from './business.module.css';
import { ageText, personName } from './request-summary';
import { RequestSummaryLine } from './RequestSummaryLine';
import { DeadlineText, RequestStatusView } from './RequestStatusView';

type Sort = 'oldest' | 'newest' | 'deadline';
const PAGE_SIZE = 25;

/** The approver's tasks: what the workflows say they may decide now; filter, sort, open, decide. */
export function InboxView() {
  const [processes, setProcesses] = useState<ProcessSummary[]>([]);
  const [processId, setProcessId] = useState('');
  const [text, setText] = useState('');
  const [sort, setSort] = useState<Sort>('oldest');
  const [tasks, setTasks] = useState<RequestView[] | null>(null);
  const [page, setPage] = useState(1);
  const [total, setTotal] = useState(0);
  const [open, setOpen] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const params = new URLSearchParams({ sort, page: String(page), pageSize: String(PAGE_SIZE), ...(processId ? { processId } : {}), ...(text.trim() ? { q: text.trim() } : {}) });
      const result = await approvalsApi<{ tasks: RequestView[]; total: number }>(`/api/inbox?${params}`);
      // Past the end (tasks were decided meanwhile): go to the last page that has some.
      if (result.tasks.length === 0 && result.total > 0 && page > 1) {
        setPage(Math.ceil(result.total / PAGE_SIZE));
        return;
      }
      setTasks(result.tasks);
      setTotal(result.total);
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [processId, text, sort, page]);

  useEffect(() => {
    approvalsApi<{ processes: ProcessSummary[] }>('/api/processes').then((r) => setProcesses(r.processes), () => {});
  }, []);
  useEffect(() => {
    const timer = setTimeout(load, 200);
    return () => clearTimeout(timer);
  }, [load]);

  return (
    <div className="home" data-testid="inbox">
      <header className="home__head">
        <div>
          <h1 className="brand brand--lg">Inbox</h1>
          <p className="muted">Requests waiting for your decision, assigned to you or to one of your roles.</p>
        </div>
        <button type="button" className="btn btn--ghost" onClick={load} data-testid="inbox-refresh">Refresh</button>
      </header>
      <div className={styles.filters}>
        <select className={`input ${styles.filterSelect}`} value={processId} onChange={(e) => { setProcessId(e.target.value); setPage(1); }} aria-label="Process" data-testid="inbox-process">
          <option value="">All processes</option>
          {processes.map((p) => (
            <option key={p.id} value={p.id}>{p.name}</option>
          ))}
        </select>
        <input className={`input ${styles.filterSearch}`} placeholder="Search requester or fields" value={text} onChange={(e) => { setText(e.target.value); setPage(1); }} data-testid="inbox-search" />
        <select className={`input ${styles.filterSelect}`} value={sort} onChange={(e) => { setSort(e.target.value as Sort); setPage(1); }} aria-label="Sort" data-testid="inbox-sort">
          <option value="oldest">Oldest first</option>
          <option value="newest">Newest first</option>
          <option value="deadline">Deadline first</option>
        </select>
      </div>
      {error && <p className="banner banner--error" role="alert">{error}</p>}
      {notice && <p className="outcome outcome--ok" role="status" data-testid="inbox-notice">{notice}</p>}
      {tasks === null ? (
        <p className="muted">Loading…</p>
      ) : tasks.length === 0 ? (
        <p className="empty" data-testid="inbox-empty">Nothing is waiting for you.</p>
      ) : (
        <ul className={styles.list} data-testid="inbox-tasks">
          {tasks.map((task) => {
            const isOpen = open === task.workflowId;
            const fields = processes.find((p) => p.id === task.processId)?.spec.fields ?? [];
            const requester = personName(task.people, task.requester);
            return (
              <li key={task.workflowId} className={styles.card} data-open={isOpen} data-testid="inbox-task" data-workflow-id={task.workflowId}>
                <button type="button" className={styles.rowButton} onClick={() => setOpen(isOpen ? null : task.workflowId)} aria-expanded={isOpen} data-testid="inbox-task-open">
                  <span className={styles.title}>
                    <strong>{task.processName}</strong>
                    <span>from {requester}</span>
                    {task.task && <span className="muted small">· {task.task.levelName}</span>}
                  </span>
                  <span className={styles.side}>
                    {task.deadline ? <DeadlineText deadline={task.deadline} testId="inbox-task-deadline" /> : <span className={styles.meta}>no deadline</span>}
                  </span>
                  <RequestSummaryLine fields={fields} values={task.fields} />
                  <span className={`${styles.meta} ${styles.age}`} data-testid="inbox-task-age" data-dynamic title={new Date(task.submittedAt).toLocaleString()}>
                    {ageText(task.submittedAt, Date.now())}
                  </span>
                </button>
                {isOpen && (
                  <div className={styles.body}>
                    <RequestStatusView request={task} fields={fields} />
                    {task.task && (
                      <DecisionPanel
                        workflowId={task.workflowId}
                        task={task.task}
                        onDecided={(result) => {
                          setNotice(`Your decision on ${task.processName} from ${requester}: ${result}`);
                          setOpen(null);
                          void load();
                        }}
                      />
                    )}
                    <Link href={`/requests/${encodeURIComponent(task.workflowId)}`} className="small">Open the request page</Link>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {tasks !== null && total > 0 && <Pager page={page} pageSize={PAGE_SIZE} total={total} shown={tasks.length} onPage={setPage} testId="inbox-pager" />}
    </div>
  );
}
