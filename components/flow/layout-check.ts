import { Position, type NodeHandle } from '@xyflow/react';
import { boxesOverlap, inset, pathCrossesBox, type Box } from '@/lib/designs/layout-geometry';
import type { EdgeRoute, XY } from '@/lib/designs/layout';
import { estimateNodeLayout } from './estimate';
import { handleAnchor } from './layout-input';
import type { DesignerEdge, DesignerNode } from './types';

/** React Flow's default bezier edge (getBezierPath, curvature 0.25), sampled: what the canvas draws without a route. */
export function bezierPoints(source: XY, sourcePosition: Position, target: XY, targetPosition: Position, samples = 24): XY[] {
  const offset = (distance: number) => (distance >= 0 ? 0.5 * distance : 0.25 * 25 * Math.sqrt(-distance));
  const control = (pos: Position, from: XY, to: XY): XY => {
    if (pos === Position.Left) return { x: from.x - offset(from.x - to.x), y: from.y };
    if (pos === Position.Right) return { x: from.x + offset(to.x - from.x), y: from.y };
    if (pos === Position.Top) return { x: from.x, y: from.y - offset(from.y - to.y) };
    return { x: from.x, y: from.y + offset(to.y - from.y) };
  };
  const c1 = control(sourcePosition, source, target);
  const c2 = control(targetPosition, target, source);
  return Array.from({ length: samples + 1 }, (_, i) => {
    const t = i / samples;
    const u = 1 - t;
    const mix = (a: number, b: number, c: number, d: number) => u * u * u * a + 3 * u * u * t * b + 3 * u * t * t * c + t * t * t * d;
    return { x: mix(source.x, c1.x, c2.x, target.x), y: mix(source.y, c1.y, c2.y, target.y) };
  });
}

/** Whether any two nodes overlap, drawn at their own positions with their estimated sizes: a drawing nobody arranged by hand. */
export function hasOverlappingNodes(nodes: readonly DesignerNode[]): boolean {
  const boxes = nodes.map((n) => ({ ...n.position, ...estimateNodeLayout(n) }));
  return boxes.some((a, i) => boxes.slice(i + 1).some((b) => boxesOverlap(a, b)));
}

/**
 * What is wrong with a laid-out diagram, in words: overlapping nodes, edges drawn through a node
 * that is not one of their ends, edge labels on a node or a handle. Node sizes and handles are the
 * estimates the canvas starts from (components/flow/estimate.ts); an edge is its route when it has
 * one, else React Flow's bezier between its handles. Empty when the diagram is readable.
 */
export function layoutProblems(nodes: readonly DesignerNode[], edges: readonly DesignerEdge[], positions: ReadonlyMap<string, XY>, routes: ReadonlyMap<string, EdgeRoute> = new Map()): string[] {
  const problems: string[] = [];
  const boxes = new Map<string, Box>();
  const handles = new Map<string, (NodeHandle & { box: Box })[]>();
  for (const n of nodes) {
    const at = positions.get(n.id) ?? n.position;
    const { width, height, handles: own } = estimateNodeLayout(n);
    boxes.set(n.id, { x: at.x, y: at.y, width, height });
    handles.set(n.id, own.map((h) => ({ ...h, box: { x: at.x + h.x, y: at.y + h.y, width: h.width ?? 0, height: h.height ?? 0 } })));
  }
  const named = (id: string) => `"${(nodes.find((n) => n.id === id)?.data as { label?: string } | undefined)?.label || id}"`;
  const ids = [...boxes.keys()];
  ids.forEach((a, i) => {
    for (const b of ids.slice(i + 1)) if (boxesOverlap(boxes.get(a)!, boxes.get(b)!)) problems.push(`${named(a)} overlaps ${named(b)}`);
  });
  for (const e of edges) {
    const source = handles.get(e.source)?.find((h) => h.type === 'source' && h.id === e.sourceHandle);
    const target = handles.get(e.target)?.find((h) => h.type === 'target' && h.id === e.targetHandle);
    if (!source || !target) continue;
    const route = routes.get(e.id);
    const anchor = (h: (typeof source), box: Box) => {
      const a = handleAnchor(h);
      return { x: box.x + a.x, y: box.y + a.y };
    };
    const points = route?.points ?? bezierPoints(anchor(source, boxes.get(e.source)!), source.position, anchor(target, boxes.get(e.target)!), target.position);
    for (const [id, box] of boxes) {
      if (id === e.source || id === e.target) continue;
      if (pathCrossesBox(points, inset(box, 1))) problems.push(`edge ${named(e.source)} → ${named(e.target)} passes through ${named(id)}`);
    }
    // Without a route React Flow centres the label on the bezier (its t = 0.5 point).
    const middle = points[Math.floor(points.length / 2)]!;
    const text = typeof e.label === 'string' ? e.label : '';
    const label = route?.label ?? (text ? { x: middle.x - (text.length * 7 + 12) / 2, y: middle.y - 10, width: text.length * 7 + 12, height: 20 } : undefined);
    if (label) {
      for (const [id, box] of boxes) if (boxesOverlap(label, box)) problems.push(`label "${String(e.label)}" of ${named(e.source)} → ${named(e.target)} covers ${named(id)}`);
      for (const [id, own] of handles) {
        for (const h of own) if (boxesOverlap(label, h.box)) problems.push(`label "${String(e.label)}" of ${named(e.source)} → ${named(e.target)} covers handle ${h.id} of ${named(id)}`);
      }
    }
  }
  return problems;
}
