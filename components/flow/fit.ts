'use client';
import { getViewportForBounds, useReactFlow, useStoreApi } from '@xyflow/react';
import { useCallback } from 'react';

export interface FitOptions {
  /** Only these nodes (a diagnostic's, an outline entry's); all nodes when absent. */
  nodes?: readonly string[];
  duration?: number;
  maxZoom?: number;
  padding?: number;
}

/** The whole design, never magnified beyond 100 %. */
export const FIT_ALL: FitOptions = { padding: 0.2, maxZoom: 1 };

/** Zooms to one node (a diagnostic, an outline entry), whether or not it has been rendered yet. */
export const focusNode = (id: string): FitOptions => ({ nodes: [id], duration: 300, maxZoom: 1.2, padding: 0.2 });

/**
 * Zoom to fit for the designer, from the nodes' positions and sizes (measured, or estimated for
 * nodes never rendered: components/flow/estimate.ts). React Flow's own fitView waits until every
 * node has been measured, which in a large design (where the off-screen nodes are never
 * rendered) is never, and it leaves unmeasured nodes out of the bounds.
 * Resolves to false when there is nothing to fit (no such node, canvas not laid out yet).
 */
export function useFitView(): (options?: FitOptions) => Promise<boolean> {
  const store = useStoreApi();
  const { getNodesBounds, setViewport } = useReactFlow();
  return useCallback(
    async ({ nodes, duration, maxZoom = 1, padding = 0.2 }: FitOptions = FIT_ALL) => {
      const { nodeLookup, width, height, minZoom } = store.getState();
      const ids = nodes ? nodes.filter((id) => nodeLookup.has(id)) : [...nodeLookup.keys()];
      if (ids.length === 0 || !width || !height) return false;
      const bounds = getNodesBounds(ids);
      const viewport = getViewportForBounds(bounds, width, height, minZoom, maxZoom, padding);
      // Linear, not d3's default smooth zoom: that zooms far out mid-way to travel, which would
      // render hundreds of nodes of a large design for one frame each.
      return setViewport(viewport, duration ? { duration, interpolate: 'linear' } : undefined);
    },
    [store, getNodesBounds, setViewport],
  );
}
