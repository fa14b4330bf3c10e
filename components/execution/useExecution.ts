'use client';
import { useEffect, useState } from 'react';
import { api, errorMessage } from '../api/client';
import type { ExecutionDetail } from '../api/types';

const POLL_MS = 1000;
const RETRY_MS = 3000;

/** Polls an execution every second while it runs; keeps the design object stable between polls. */
export function useExecution(workflowId: string) {
  const [data, setData] = useState<ExecutionDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    api.getExecution(workflowId, controller.signal).then(
      (next) => {
        setError(null);
        setData((prev) =>
          prev && prev.designId === next.designId && prev.designVersion === next.designVersion ? { ...next, design: prev.design } : next,
        );
        if (next.status === 'RUNNING') timer = setTimeout(() => setTick((t) => t + 1), POLL_MS);
      },
      (err) => {
        if (controller.signal.aborted) return;
        setError(errorMessage(err));
        timer = setTimeout(() => setTick((t) => t + 1), RETRY_MS);
      },
    );
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [workflowId, tick]);

  return { data, error, refresh: () => setTick((t) => t + 1) };
}
