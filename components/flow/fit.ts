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

/** Larger designs change the view without animating it, and show an overview when zoomed out. */
export const LARGE_DESIGN_NODES = 200;
/**
 * Below this zoom a large design is drawn as an overview of plain shapes (Overview.tsx) instead of
 * React Flow nodes: labels are unreadable there, and the nodes in view (~70 at 0.4 in the
 * designer's canvas, hundreds further out) would all be rendered.
 */
export const OVERVIEW_BELOW_ZOOM = 0.4;

export const showsOverview = (zoom: number, nodeCount: number) => nodeCount > LARGE_DESIGN_NODES && zoom < OVERVIEW_BELOW_ZOOM;

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
      const { nodeLookup, width, height, minZoom, nodes: flowNodes, setNodes } = store.getState();
      const ids = nodes ? nodes.filter((id) => nodeLookup.has(id)) : [...nodeLookup.keys()];
      if (ids.length === 0 || !width || !height) return false;
      const bounds = getNodesBounds(ids);
      const viewport = getViewportForBounds(bounds, width, height, minZoom, maxZoom, padding);
      // A large design jumps: every frame of an animated zoom renders the nodes it passes over
      // (hundreds, zooming out). Linear, not d3's default smooth zoom, which zooms out mid-way.
      const animate = duration && nodeLookup.size <= LARGE_DESIGN_NODES;
      if (showsOverview(viewport.zoom, nodeLookup.size)) {
        // Hide the nodes before the view changes, or React Flow renders every node in the new view
        // once before the canvas switches to the overview (which passes the same hidden nodes).
        setNodes(flowNodes.map((n) => (n.hidden ? n : { ...n, hidden: true })));
      }
      return setViewport(viewport, animate ? { duration, interpolate: 'linear' } : undefined);
    },
    [store, getNodesBounds, setViewport],
  );
}
