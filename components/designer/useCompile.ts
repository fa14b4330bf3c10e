'use client';
import { nanoid } from 'nanoid';
import { useEffect, useRef } from 'react';
import { api, errorMessage } from '../api/client';
import { useDesignerStoreApi } from './DesignerStoreProvider';
import { compileDelay, rememberRoundTrip } from './compile-delay';
import { requestCompile, type AnsweredRequest } from './compile-request';
import { keepUnchangedDiagnostics, keepUnchangedFiles } from './compile-result';

/**
 * Recompiles the design after every content change, sending only what changed since the last
 * answered request (the server keeps that design per editor; lib/compile-sessions.ts). While the
 * server answers fast (it re-formats only the code an edit changed) the request goes out at once,
 * so the code view follows typing; when it answers slowly, changes are debounced so fast typing
 * does not queue work on the server.
 * A newer change aborts the request of an older one, so a stale answer never overwrites a newer.
 *
 * The store is subscribed to directly rather than through a rendered revision: the request then
 * leaves inside the keystroke's own event, before React renders the canvas and inspector for it.
 */
export function useCompile() {
  const store = useDesignerStoreApi();
  /** Round trips of the latest answered recompiles after an edit (the first compile of a design is cold and not counted). */
  const roundTripsMs = useRef<number[]>([]);

  useEffect(() => {
    // The server keeps the design of this editor's last answered request: the next one sends only its change.
    // nanoid, not crypto.randomUUID: that exists only on https or localhost.
    const editor = nanoid();
    let lastSeq = 0;
    let answered: AnsweredRequest | null = null;
    let controller: AbortController | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const cancelPending = () => {
      if (timer) clearTimeout(timer);
      timer = null;
      controller?.abort();
    };

    const recompile = async (revision: number, signal: AbortSignal) => {
      const { setCompile, toDesign } = store.getState();
      const started = performance.now();
      const design = toDesign();
      const seq = ++lastSeq;
      // The request leaves before the pending state is rendered, so that render overlaps the server's work.
      const answer = requestCompile((body) => api.compile(body, signal), editor, seq, design, answered);
      setCompile({ ...store.getState().compile, status: 'pending' });
      try {
        const result = await answer;
        // The server keeps a design it could parse: only then can the next request build on it.
        answered = result.kept ? { seq, design } : null;
        if (revision > 0) roundTripsMs.current = rememberRoundTrip(roundTripsMs.current, performance.now() - started);
        const previous = store.getState().compile;
        setCompile({
          status: 'ok',
          diagnostics: keepUnchangedDiagnostics(previous.diagnostics, result.diagnostics ?? []),
          files: keepUnchangedFiles(previous.files, result.files ?? []),
        });
      } catch (err) {
        if (signal.aborted) return;
        const prev = store.getState().compile;
        setCompile({ ...prev, status: 'error', error: errorMessage(err) });
      }
    };

    const schedule = (revision: number) => {
      cancelPending();
      const current = new AbortController();
      controller = current;
      const delay = compileDelay(revision, roundTripsMs.current);
      // No timer hop when there is nothing to wait for: a macrotask can queue behind rendering work.
      if (delay > 0) timer = setTimeout(() => void recompile(revision, current.signal), delay);
      else void recompile(revision, current.signal);
    };

    schedule(store.getState().revision);
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.revision !== previous.revision) schedule(state.revision);
    });
    return () => {
      unsubscribe();
      cancelPending();
    };
  }, [store]);
}
