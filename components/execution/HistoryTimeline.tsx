'use client';
import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../api/client';
import styles from './monitor.module.css';
import { monitorApi, type HistoryEventRow } from './monitor-api';

const ROW_PX = 24;
const OVERSCAN = 20;

/**
 * The event history as a virtualised list: only the rows in view are rendered, and pages of
 * events are fetched (following the server's nextPageToken) only as far as the view needs, so a
 * 10,000-event history opens as fast as a short one. When the history grows, the missing rows
 * are fetched again as they come into view.
 */
export function HistoryTimeline({ workflowId, runId, total }: { workflowId: string; runId: string; total: number; selectedNodeId?: string | null; onSelectNode?: (id: string | null) => void }) {
  const rows = useRef(new Map<number, HistoryEventRow>());
  const chain = useRef<{ token: string | null; ended: boolean }>({ token: null, ended: true });
  /** The history length at which a whole pass found nothing more (the server lags describe): wait for growth. */
  const exhaustedAt = useRef(-1);
  const [version, setVersion] = useState(0);
  /** A page is being fetched (a ref: changing it must not re-run and so abort the fetch). */
  const loading = useRef(false);
  const [error, setError] = useState<string | null>(null);
  const [view, setView] = useState({ top: 0, height: 360 });
  const box = useRef<HTMLDivElement>(null);

  const aborter = useRef<AbortController | null>(null);
  useEffect(() => {
    rows.current = new Map();
    chain.current = { token: null, ended: true };
    exhaustedAt.current = -1;
    setVersion((v) => v + 1);
    return () => {
      aborter.current?.abort();
      loading.current = false;
    };
  }, [workflowId, runId]);

  const first = Math.max(1, Math.floor(view.top / ROW_PX) + 1 - OVERSCAN);
  const last = Math.min(total, Math.ceil((view.top + view.height) / ROW_PX) + OVERSCAN);
  let missing = false;
  for (let id = first; id <= last && !missing; id++) missing = !rows.current.has(id);

  useEffect(() => {
    if (!missing || loading.current || error || exhaustedAt.current === total) return;
    const controller = new AbortController();
    aborter.current = controller;
    if (chain.current.ended) chain.current = { token: null, ended: false };
    loading.current = true;
    monitorApi.history(workflowId, chain.current.token, controller.signal).then(
      (page) => {
        if (controller.signal.aborted) return;
        for (const event of page.events) rows.current.set(event.id, event);
        if (page.nextPageToken === null && rows.current.size < total) exhaustedAt.current = total;
        chain.current = { token: page.nextPageToken, ended: page.nextPageToken === null };
        loading.current = false;
        setVersion((v) => v + 1);
      },
      (err) => {
        if (controller.signal.aborted) return;
        loading.current = false;
        setError(errorMessage(err));
      },
    );
  }, [missing, error, workflowId, version, total]);

  const visible: HistoryEventRow[] = [];
  for (let id = first; id <= last; id++) {
    visible.push(rows.current.get(id) ?? { id, time: '', type: '…', summary: '' });
  }
  return (
    <div>
      {error && (
        <p className="banner banner--error">
          Could not load the history: {error}{' '}
          <button type="button" className="btn btn--ghost btn--sm" onClick={() => setError(null)}>Retry</button>
        </p>
      )}
      <div ref={box} className={styles.timeline} data-testid="history-timeline" data-total={total}
        onScroll={(e) => setView({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })}>
        <div style={{ height: total * ROW_PX, position: 'relative' }}>
          {visible.map((event) => (
            <div key={event.id} className={styles.timelineRow} style={{ top: (event.id - 1) * ROW_PX, height: ROW_PX }}
              data-testid="history-event" data-event-type={event.type}>
              <span className="muted">{event.id}</span>
              <span className="muted">{event.time ? new Date(event.time).toLocaleTimeString() : ''}</span>
              <strong>{event.type}</strong>
              <span className="muted" title={event.summary}>{event.summary}</span>
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
