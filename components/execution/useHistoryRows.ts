'use client';
import { useEffect, useRef, useState } from 'react';
import type { HistoryEventRow } from '@/lib/executions/history-row';
import { errorMessage, request } from '../api/client';

/** Events per request: the route fills a page from several Temporal calls (lib/executions/history.ts). */
const PAGE_SIZE = 1000;
/** While pages stream in, the list regroups at most this often (regrouping 50,000 rows takes ~60 ms). */
const PUBLISH_MS = 400;

interface Page {
  events: HistoryEventRow[];
  nextPageToken: string | null;
}

const pageOf = (workflowId: string, runId: string, token: string | null, signal: AbortSignal) =>
  request<Page>(`/api/executions/${encodeURIComponent(workflowId)}/history?pageSize=${PAGE_SIZE}&runId=${encodeURIComponent(runId)}${token ? `&pageToken=${encodeURIComponent(token)}` : ''}`, { signal });

export interface HistoryRows {
  rows: HistoryEventRow[];
  /** Pages are still arriving. */
  loading: boolean;
  error: string | null;
  retry: () => void;
}

/**
 * The whole history of a run, page after page in the background (the first page shows at once;
 * grouping and filtering need every event). When the run's history grows (`total`), the last page
 * is read again from the token that fetched it, so a live page never rereads a long history.
 */
export function useHistoryRows(workflowId: string, runId: string, total: number): HistoryRows {
  /** Every row read so far, oldest first (a ref: pages append without copying 50,000 rows each time). */
  const all = useRef<HistoryEventRow[]>([]);
  const [rows, setRows] = useState<HistoryEventRow[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  /** Where the last page began: its token (null: the first page) and its first row's index. */
  const lastPage = useRef<{ token: string | null; start: number }>({ token: null, start: 0 });
  const loaded = useRef(0);

  useEffect(() => {
    lastPage.current = { token: null, start: 0 };
    loaded.current = 0;
    all.current = [];
    setRows([]);
  }, [workflowId, runId]);

  useEffect(() => {
    if (loaded.current >= total && loaded.current > 0) return;
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    void (async () => {
      let { token, start } = lastPage.current;
      let published = 0;
      for (;;) {
        const page = await pageOf(workflowId, runId, token, controller.signal);
        if (controller.signal.aborted) return;
        lastPage.current = { token, start };
        all.current.length = start;
        for (const event of page.events) all.current.push(event);
        if (!page.nextPageToken || performance.now() - published > PUBLISH_MS) {
          setRows(all.current.slice());
          published = performance.now();
        }
        start += page.events.length;
        loaded.current = start;
        if (!page.nextPageToken) break;
        token = page.nextPageToken;
      }
      setLoading(false);
    })().catch((err: unknown) => {
      if (controller.signal.aborted) return;
      setError(errorMessage(err));
      setLoading(false);
    });
    return () => controller.abort();
  }, [workflowId, runId, total, attempt]);

  return { rows, loading, error, retry: () => setAttempt((a) => a + 1) };
}
