import { Position, type NodeHandle } from '@xyflow/react';
import type { LayoutEdge, LayoutNode, PortSide } from '@/lib/designs/layout';
import { estimateNodeLayout } from './estimate';
import { isHandlerType } from './handles';
import type { DesignerEdge, DesignerNode } from './types';

const SIDE: Record<Position, PortSide> = { [Position.Top]: 'top', [Position.Bottom]: 'bottom', [Position.Left]: 'left', [Position.Right]: 'right' };

/** Where React Flow anchors an edge on a handle: the middle of the handle's outer side. */
export function handleAnchor(h: Pick<NodeHandle, 'x' | 'y' | 'width' | 'height' | 'position'>): { x: number; y: number } {
  const width = h.width ?? 0;
  const height = h.height ?? 0;
  switch (h.position) {
    case Position.Top:
      return { x: h.x + width / 2, y: h.y };
    case Position.Bottom:
      return { x: h.x + width / 2, y: h.y + height };
    case Position.Left:
      return { x: h.x, y: h.y + height / 2 };
    default:
      return { x: h.x + width, y: h.y + height / 2 };
  }
}

/**
 * The canvas's nodes and edges as the layout sees them: each node's size (measured, or estimated
 * as the node component draws it) and its handles as fixed ports, handlers marked for their lane,
 * edge labels as the canvas shows them.
 */
export function layoutInput(nodes: readonly DesignerNode[], edges: readonly DesignerEdge[]): { nodes: LayoutNode[]; edges: LayoutEdge[] } {
  return {
    nodes: nodes.map((n) => {
      const estimate = estimateNodeLayout(n);
      const width = n.measured?.width ?? estimate.width;
      const height = n.measured?.height ?? estimate.height;
      // Handles hang off the estimated box; a measured node of another height keeps its bottom row at its bottom.
      const ports = estimate.handles.map((h) => {
        const at = handleAnchor(h);
        const y = h.position === Position.Bottom ? at.y + (height - estimate.height) : h.position === Position.Top ? at.y : (at.y * height) / estimate.height;
        return { id: h.id ?? '', side: SIDE[h.position], x: Math.round((at.x * width) / estimate.width), y: Math.round(y) };
      });
      return { id: n.id, width, height, ports, handler: isHandlerType(n.type) };
    }),
    edges: edges.map((e) => ({
      id: e.id,
      source: e.source,
      target: e.target,
      sourceHandle: e.sourceHandle,
      targetHandle: e.targetHandle,
      ...(typeof e.label === 'string' && e.label ? { label: e.label } : {}),
    })),
  };
}
