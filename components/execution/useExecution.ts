'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, errorMessage } from '../api/client';
import type { LiveExecution } from './monitor-api';

const POLL_MS = 1000;
const RETRY_MS = 3000;

/**
 * Follows an execution live through the server-sent events of /api/executions/[id]/events (the
 * server pushes a new detail within a poll of any change); falls back to polling the detail when
 * the stream cannot be opened. Keeps the design object from the first event.
 */
export function useExecution(workflowId: string) {
  const [data, setData] = useState<LiveExecution | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const design = useRef<LiveExecution['design']>(undefined);

  const accept = useCallback((next: LiveExecution) => {
    if (next.design) design.current = next.design;
    setError(null);
    // A designer query that timed out once (a busy worker) keeps the last state instead of blanking the diagram.
    setData((prev) => ({
      ...next,
      design: next.design ?? design.current!,
      state: next.state ?? (prev && prev.runId === next.runId ? prev.state : undefined),
    }));
  }, []);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const controller = new AbortController();
    const poll = () => {
      api.getExecution(workflowId, controller.signal).then(
        (next) => {
          if (stopped) return;
          accept(next as LiveExecution);
          if (next.status === 'RUNNING') timer = setTimeout(poll, POLL_MS);
        },
        (err) => {
          if (stopped || controller.signal.aborted) return;
          setError(errorMessage(err));
          timer = setTimeout(poll, RETRY_MS);
        },
      );
    };
    if (typeof EventSource === 'undefined') {
      poll();
      return () => {
        stopped = true;
        controller.abort();
        clearTimeout(timer);
      };
    }
    const source = new EventSource(`/api/executions/${encodeURIComponent(workflowId)}/events`);
    let received = false;
    source.addEventListener('execution', (e) => {
      received = true;
      accept(JSON.parse((e as MessageEvent<string>).data) as LiveExecution);
    });
    source.addEventListener('problem', (e) => setError((JSON.parse((e as MessageEvent<string>).data) as { message: string }).message));
    source.addEventListener('end', () => source.close());
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED || !received) {
        // The stream could not be opened (e.g. unknown execution): show the detail's error by polling once.
        source.close();
        if (!stopped) poll();
      }
    };
    return () => {
      stopped = true;
      source.close();
      controller.abort();
      clearTimeout(timer);
    };
  }, [workflowId, accept, generation]);

  // After an action (signal, reset, …) re-open the stream: a reset starts a new run, a closed execution may have been reset.
  return { data, error, refresh: () => setGeneration((g) => g + 1) };
}
