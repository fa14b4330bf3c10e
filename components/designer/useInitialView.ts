'use client';
import { useNodesInitialized, useReactFlow } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { FIT_ALL, useFitView } from '../flow/fit';
import { useDesignerStoreApi } from './DesignerStoreProvider';


/**
 * Where the canvas opens: a design of up to `fitLimit` nodes is fitted into view once its nodes
 * are measured; a larger one opens at 100 % with Start near the top-left, so only the nodes in
 * view are rendered (fitting would draw all of them; "Fit" is one click or Shift+1 away).
 */
export function useInitialView(fitLimit: number) {
  const store = useDesignerStoreApi();
  const { setViewport } = useReactFlow();
  const fitView = useFitView();
  const initialized = useNodesInitialized();
  const done = useRef(false);
  useEffect(() => {
    if (done.current) return;
    const { nodes } = store.getState();
    if (nodes.length > fitLimit) {
      done.current = true;
      const start = nodes.find((n) => n.type === 'start') ?? nodes[0];
      void setViewport({ x: 120 - (start?.position.x ?? 0), y: 80 - (start?.position.y ?? 0), zoom: 1 });
    } else if (initialized) {
      done.current = true;
      void fitView(FIT_ALL);
    }
  }, [initialized, store, fitView, setViewport, fitLimit]);
}
