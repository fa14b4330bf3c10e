import { layoutGraph, type EdgeRoute, type XY } from '@/lib/designs/layout';
import { hasOverlappingNodes } from '../flow/layout-check';
import { layoutInput } from '../flow/layout-input';
import { ROUTE_TOLERANCE } from '../flow/routed-path';
import type { DesignerEdge, DesignerNode } from '../flow/types';

/** How an opening design is drawn: new positions (null: its own) and its edges' routes. */
export interface OpeningArrangement {
  positions: Map<string, XY> | null;
  routes: Map<string, EdgeRoute>;
}

/**
 * Edge routes are not stored in the design, so the layout runs again when it opens: when every
 * node is where the layout puts it (the design was auto-laid out and not moved since), the edges
 * get their routes back; when nodes overlap (a design generated with rough positions, e.g. from
 * the process form), the design is laid out. Otherwise (arranged by hand) null: drawn as it is.
 */
export async function openingArrangement(nodes: readonly DesignerNode[], edges: readonly DesignerEdge[]): Promise<OpeningArrangement | null> {
  if (nodes.length === 0) return null;
  const input = layoutInput(nodes, edges);
  const { positions, routes } = await layoutGraph(input.nodes, input.edges);
  if (hasOverlappingNodes(nodes)) return { positions, routes };
  const unmoved = nodes.every((n) => {
    const p = positions.get(n.id);
    return p && Math.abs(p.x - n.position.x) <= ROUTE_TOLERANCE && Math.abs(p.y - n.position.y) <= ROUTE_TOLERANCE;
  });
  return unmoved ? { positions: null, routes } : null;
}
