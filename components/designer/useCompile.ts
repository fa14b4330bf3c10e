'use client';
import { useEffect } from 'react';
import { api, errorMessage } from '../api/client';
import { useDesignerStore, useDesignerStoreApi } from './DesignerStoreProvider';

const DEBOUNCE_MS = 300;

/** Recompiles the design ~300 ms after the last content change; stale answers are aborted. */
export function useCompile() {
  const store = useDesignerStoreApi();
  const revision = useDesignerStore((s) => s.revision);

  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      const { compile, setCompile, toDesign } = store.getState();
      setCompile({ ...compile, status: 'pending' });
      try {
        const result = await api.compile(toDesign(), controller.signal);
        setCompile({ status: 'ok', diagnostics: result.diagnostics ?? [], files: result.files ?? [] });
      } catch (err) {
        if (controller.signal.aborted) return;
        const prev = store.getState().compile;
        setCompile({ ...prev, status: 'error', error: errorMessage(err) });
      }
    }, revision === 0 ? 0 : DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [revision, store]);
}
