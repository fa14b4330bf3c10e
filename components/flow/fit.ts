'use client';
import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useCallback } from 'react';
import { isHandlerType } from '@/lib/designs/handles';
import type { Box } from '@/lib/designs/layout-geometry';
import { fitViewport, READABLE_ZOOM } from './fit-viewport';

export interface FitOptions {
  /** Only these nodes (a diagnostic's, an outline entry's); all nodes when absent. */
  nodes?: readonly string[];
  duration?: number;
  maxZoom?: number;
  padding?: number;
}

/** Larger designs change the view without animating it; Fit shows them whole, as the overview. */
export const LARGE_DESIGN_NODES = 200;

/**
 * Below the zoom where node labels stop being readable (READABLE_ZOOM, fit-viewport.ts) the canvas
 * draws the design as an overview of plain shapes (Overview.tsx) instead of React Flow nodes:
 * nothing on them can be read there, and in a large design the nodes in view would all be
 * rendered (hundreds, zoomed out).
 */
export const showsOverview = (zoom: number) => zoom < READABLE_ZOOM;

/** React Flow's overlays on the canvas (toolbar, zoom controls, minimap, its toggle): Fit keeps the design clear of them. */
const OVERLAYS = '.react-flow__panel';

/** The overlays' boxes, in the canvas's screen coordinates. */
function coveredBoxes(canvas: HTMLElement | null): Box[] {
  if (!canvas) return [];
  const origin = canvas.getBoundingClientRect();
  return [...canvas.querySelectorAll(OVERLAYS)].map((el) => {
    const r = el.getBoundingClientRect();
    return { x: r.left - origin.left, y: r.top - origin.top, width: r.width, height: r.height };
  }).filter((b) => b.width > 0 && b.height > 0);
}

/** The whole design, never magnified beyond 100 %. */
export const FIT_ALL: FitOptions = { padding: 0.2, maxZoom: 1 };

/** Zooms to one node (a diagnostic, an outline entry), whether or not it has been rendered yet. */
export const focusNode = (id: string): FitOptions => ({ nodes: [id], duration: 300, maxZoom: 1.2, padding: 0.2 });

/**
 * Zoom to fit for the designer, in the part of the canvas the minimap, toolbar and controls leave
 * free, from the nodes' positions and sizes (measured, or estimated for
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
      const { nodeLookup, width, height, minZoom, nodes: flowNodes, setNodes, domNode } = store.getState();
      const ids = nodes ? nodes.filter((id) => nodeLookup.has(id)) : [...nodeLookup.keys()];
      if (ids.length === 0 || !width || !height) return false;
      const bounds = getNodesBounds(ids);
      // Fitting the whole of a design that is not large keeps its text readable (shown from the
      // top if need be); a large one is shown whole, as the overview.
      const readableZoom = !nodes && nodeLookup.size <= LARGE_DESIGN_NODES ? READABLE_ZOOM : undefined;
      // The steps, without the handlers' lane above them: where a design too large to show readably is shown from.
      const steps = nodes ? [] : flowNodes.filter((n) => !isHandlerType(n.type) && nodeLookup.has(n.id)).map((n) => n.id);
      const anchor = steps.length > 0 ? getNodesBounds(steps) : undefined;
      const viewport = fitViewport(bounds, width, height, coveredBoxes(domNode), { minZoom, maxZoom, padding, readableZoom, anchor });
      // A large design jumps: every frame of an animated zoom renders the nodes it passes over
      // (hundreds, zooming out). Linear, not d3's default smooth zoom, which zooms out mid-way.
      const animate = duration && nodeLookup.size <= LARGE_DESIGN_NODES;
      if (showsOverview(viewport.zoom)) {
        // Hide the nodes before the view changes, or React Flow renders every node in the new view
        // once before the canvas switches to the overview (which passes the same hidden nodes).
        setNodes(flowNodes.map((n) => (n.hidden ? n : { ...n, hidden: true })));
      }
      return setViewport(viewport, animate ? { duration, interpolate: 'linear' } : undefined);
    },
    [store, getNodesBounds, setViewport],
  );
}
