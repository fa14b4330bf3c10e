'use client';
import { useEffect, useRef } from 'react';
import { FIT_ALL, useFitView } from '../flow/fit';
import { useDesignerStoreApi } from './DesignerStoreProvider';
import { openingArrangement } from './opening-layout';

/**
 * Draws a design that opens (up to `limit` nodes) as readably as its positions allow
 * (opening-layout.ts): routes back for an auto-laid-out design, a layout for one whose nodes
 * overlap. Neither is an edit: nothing to undo, nothing to save.
 */
export function useOpeningLayout(limit: number) {
  const store = useDesignerStoreApi();
  const fitView = useFitView();
  const done = useRef(false);
  useEffect(() => {
    if (done.current) return;
    done.current = true;
    const { nodes, edges, changeCount } = store.getState();
    if (nodes.length > limit) return;
    void openingArrangement(nodes, edges).then((arrangement) => {
      // The user got there first (an edit, another design): leave it be.
      if (!arrangement || store.getState().changeCount !== changeCount || store.getState().nodes.length !== nodes.length) return;
      store.getState().arrange(arrangement.positions, arrangement.routes);
      if (arrangement.positions) requestAnimationFrame(() => void fitView(FIT_ALL));
    });
  }, [store, fitView, limit]);
}
