'use client';
import { useCallback, useState } from 'react';
import { autoLayout } from '@/lib/designs/layout';
import { FIT_ALL, useFitView } from '../flow/fit';
import { useDesignerStoreApi } from './DesignerStoreProvider';

/** Node size before React Flow has measured it (a freshly pasted node). */
const DEFAULT_SIZE = { width: 200, height: 70 };

/** Lays the whole design out with ELK in one undoable step, then zooms to fit. */
export function useAutoLayout() {
  const store = useDesignerStoreApi();
  const fitView = useFitView();
  const [busy, setBusy] = useState(false);
  const layout = useCallback(async () => {
    const { nodes, edges } = store.getState();
    setBusy(true);
    try {
      const positions = await autoLayout(
        nodes.map((n) => ({ id: n.id, width: n.measured?.width ?? DEFAULT_SIZE.width, height: n.measured?.height ?? DEFAULT_SIZE.height })),
        edges,
      );
      store.getState().moveNodes(positions);
      requestAnimationFrame(() => void fitView({ ...FIT_ALL, duration: 300 }));
    } finally {
      setBusy(false);
    }
  }, [store, fitView]);
  return { layout, busy };
}
