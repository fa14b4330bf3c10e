'use client';
import { useCallback, useState } from 'react';
import { layoutGraph } from '@/lib/designs/layout';
import { FIT_ALL, useFitView } from '../flow/fit';
import { layoutInput } from '../flow/layout-input';
import { useDesignerStoreApi } from './DesignerStoreProvider';

/**
 * Lays the whole design out with ELK in one undoable step (nodes moved, edges routed around them:
 * lib/designs/layout.ts), then zooms to fit.
 */
export function useAutoLayout() {
  const store = useDesignerStoreApi();
  const fitView = useFitView();
  const [busy, setBusy] = useState(false);
  const layout = useCallback(async () => {
    const { nodes, edges } = store.getState();
    setBusy(true);
    try {
      const input = layoutInput(nodes, edges);
      const { positions, routes } = await layoutGraph(input.nodes, input.edges);
      store.getState().moveNodes(positions, routes);
      requestAnimationFrame(() => void fitView({ ...FIT_ALL, duration: 300 }));
    } finally {
      setBusy(false);
    }
  }, [store, fitView]);
  return { layout, busy };
}
