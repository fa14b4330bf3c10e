'use client';
import { useEffect, useRef } from 'react';
import { api, errorMessage } from '../api/client';
import { useDesignerStore, useDesignerStoreApi } from './DesignerStoreProvider';
import { compileDelay, rememberRoundTrip } from './compileDelay';
import { keepUnchangedDiagnostics, keepUnchangedFiles } from './compileResult';

/**
 * Recompiles the design after every content change. While the server answers fast (it re-formats
 * only the code an edit changed) the request goes out at once, so the code view follows typing;
 * when it answers slowly, changes are debounced so fast typing does not queue work on the server.
 * A newer change aborts the request of an older one, so a stale answer never overwrites a newer.
 */
export function useCompile() {
  const store = useDesignerStoreApi();
  const revision = useDesignerStore((s) => s.revision);
  /** Round trips of the latest answered recompiles after an edit (the first compile of a design is cold and not counted). */
  const roundTripsMs = useRef<number[]>([]);

  useEffect(() => {
    const controller = new AbortController();
    const recompile = async () => {
      const { setCompile, toDesign } = store.getState();
      const started = performance.now();
      // The request leaves before the pending state is rendered, so that render overlaps the server's work.
      const answer = api.compile(toDesign(), controller.signal);
      setCompile({ ...store.getState().compile, status: 'pending' });
      try {
        const result = await answer;
        if (revision > 0) roundTripsMs.current = rememberRoundTrip(roundTripsMs.current, performance.now() - started);
        const previous = store.getState().compile;
        setCompile({
          status: 'ok',
          diagnostics: keepUnchangedDiagnostics(previous.diagnostics, result.diagnostics ?? []),
          files: keepUnchangedFiles(previous.files, result.files ?? []),
        });
      } catch (err) {
        if (controller.signal.aborted) return;
        const prev = store.getState().compile;
        setCompile({ ...prev, status: 'error', error: errorMessage(err) });
      }
    };
    const delay = compileDelay(revision, roundTripsMs.current);
    // No timer hop when there is nothing to wait for: a macrotask can queue behind rendering work.
    const timer = delay > 0 ? setTimeout(recompile, delay) : null;
    if (!timer) void recompile();
    return () => {
      if (timer) clearTimeout(timer);
      controller.abort();
    };
  }, [revision, store]);
}
