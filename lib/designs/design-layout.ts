import type { Design, DesignNode } from '@/codegen/design';
import { defaultSourceHandle, edgeLabelFor, IN_HANDLE, isHandlerType, MESSAGES_HANDLE, NEXT, sourceHandles } from './handles';
import { layoutGraph, type LayoutEdge, type LayoutNode, type LayoutResult } from './layout';
import { handleAnchorOf, nodeGeometry } from './node-geometry';

/**
 * A design's nodes and edges as the layout sees them on a canvas that has measured nothing yet:
 * each node's estimated size with its handles as fixed ports, handlers marked for their lane,
 * edges between the handles the canvas draws them from and to, with their labels. The canvas's
 * own input (components/flow/layout-input.ts) is the same for an unmeasured design (a test says so).
 */
export function designLayoutInput(design: Pick<Design, 'nodes' | 'edges'>): { nodes: LayoutNode[]; edges: LayoutEdge[] } {
  const types = new Map(design.nodes.map((n) => [n.id, n.type]));
  return {
    nodes: design.nodes.map((n: DesignNode): LayoutNode => {
      const { width, height, handles } = nodeGeometry(n.type, sourceHandles(n));
      const ports = handles.map((h) => {
        const at = handleAnchorOf(h);
        return { id: h.id, side: h.side, x: Math.round(at.x), y: Math.round(at.y) };
      });
      return { id: n.id, width, height, ports, handler: isHandlerType(n.type) };
    }),
    edges: design.edges.map((e): LayoutEdge => {
      const sourceType = types.get(e.source);
      const sourceHandle = e.sourceHandle ?? (sourceType ? defaultSourceHandle(sourceType) : NEXT);
      const label = edgeLabelFor(sourceHandle);
      return {
        id: e.id,
        source: e.source,
        target: e.target,
        sourceHandle,
        targetHandle: isHandlerType(sourceType) ? MESSAGES_HANDLE : IN_HANDLE,
        ...(label ? { label } : {}),
      };
    }),
  };
}

/** The layout of a design as the canvas's Layout button makes it (positions and edge routes). */
export function layoutDesignGraph(design: Pick<Design, 'nodes' | 'edges'>): Promise<LayoutResult> {
  const input = designLayoutInput(design);
  return layoutGraph(input.nodes, input.edges);
}

/**
 * The design with every node where the canvas's auto-layout puts it: for designs made by code
 * (the approval form), so they open readable and — being exactly the layout — with their edges
 * routed around the nodes (components/designer/opening-layout.ts), without anyone pressing Layout.
 */
export async function laidOutDesign<D extends Pick<Design, 'nodes' | 'edges'>>(design: D): Promise<D> {
  const { positions } = await layoutDesignGraph(design);
  return { ...design, nodes: design.nodes.map((n) => ({ ...n, position: positions.get(n.id) ?? n.position })) };
}
