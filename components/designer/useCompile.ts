'use client';
import { useEffect, useRef } from 'react';
import type { GeneratedFile } from '../../codegen/pipeline';
import { api, errorMessage } from '../api/client';
import { useDesignerStore, useDesignerStoreApi } from './DesignerStoreProvider';
import { compileDelay } from './compileDelay';

/**
 * Recompiles the design after every content change. While the server answers fast (it re-formats
 * only the code an edit changed) the request goes out at once, so the code view follows typing;
 * when it answers slowly, changes are debounced so fast typing does not queue work on the server.
 * A newer change aborts the request of an older one, so a stale answer never overwrites a newer.
 */
export function useCompile() {
  const store = useDesignerStoreApi();
  const revision = useDesignerStore((s) => s.revision);
  /** Round trip of the latest answered recompile after an edit (the first compile of a design is cold and not counted). */
  const lastRoundTripMs = useRef<number | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      const { compile, setCompile, toDesign } = store.getState();
      setCompile({ ...compile, status: 'pending' });
      const started = performance.now();
      try {
        const result = await api.compile(toDesign(), controller.signal);
        if (revision > 0) lastRoundTripMs.current = performance.now() - started;
        const files = keepUnchanged(store.getState().compile.files, result.files ?? []);
        setCompile({ status: 'ok', diagnostics: result.diagnostics ?? [], files });
      } catch (err) {
        if (controller.signal.aborted) return;
        const prev = store.getState().compile;
        setCompile({ ...prev, status: 'error', error: errorMessage(err) });
      }
    }, compileDelay(revision, lastRoundTripMs.current));
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [revision, store]);
}

/** The previous file objects where the text did not change, so the code view does not redraw them. */
function keepUnchanged(previous: GeneratedFile[], next: GeneratedFile[]): GeneratedFile[] {
  const merged = next.map((file) => previous.find((old) => old.path === file.path && old.contents === file.contents) ?? file);
  return merged.length === previous.length && merged.every((file, i) => file === previous[i]) ? previous : merged;
}
