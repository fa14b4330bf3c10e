import { Position, type NodeHandle } from '@xyflow/react';
import type { PortSide } from '@/lib/designs/layout';
import { nodeGeometry } from '@/lib/designs/node-geometry';
import { sourceHandles } from './handles';
import type { DesignerNode } from './types';

/**
 * Size and handle layout of a node React Flow has not measured yet.
 *
 * React Flow renders every node without handle bounds once, to measure it, even with
 * `onlyRenderVisibleElements`: opening a 1,000-node design mounted and measured all 1,000
 * nodes (~8 s) before dropping the off-screen ones. A node that declares a size
 * (`initialWidth`/`initialHeight`) and its handles is culled by position instead and measured
 * only when it first comes into view; the declared handles draw the edges to it until then.
 * The figures are the design's (lib/designs/node-geometry.ts: the server lays out with them too).
 */
export { NODE_WIDTH } from '@/lib/designs/node-geometry';

export interface NodeLayout {
  width: number;
  height: number;
  handles: NodeHandle[];
}

const POSITION: Record<PortSide, Position> = { top: Position.Top, bottom: Position.Bottom, left: Position.Left, right: Position.Right };

/** The size and handles a node of this type and data is drawn with (see the node components). */
export function estimateNodeLayout(node: Pick<DesignerNode, 'type' | 'data'>): NodeLayout {
  const outputs = sourceHandles({ type: node.type, ...node.data } as Parameters<typeof sourceHandles>[0]);
  const { width, height, handles } = nodeGeometry(node.type, outputs);
  return { width, height, handles: handles.map(({ side, ...h }) => ({ ...h, position: POSITION[side] })) };
}

/** The output handle ids a node draws, in order: what its layout depends on besides its type. */
const outputKey = (node: DesignerNode) => `${node.type}:${sourceHandles({ type: node.type, ...node.data } as Parameters<typeof sourceHandles>[0]).join('|')}`;

/**
 * Prepares nodes for the canvas. A node that stands for one React Flow has measured (`current`:
 * the nodes on the canvas now, with the same id, type and outputs: the node itself, an undo, a
 * rename across the design) keeps that measurement, so React Flow keeps its measured handles and
 * neither re-renders nor mis-draws it. Every other node (a loaded design, a paste, an undone
 * delete) gets an estimated size and handles (`estimateNodeLayout`) and no stale measurement.
 * Linear in the number of nodes.
 */
export function withLayoutEstimates(nodes: DesignerNode[], current: readonly DesignerNode[] = []): DesignerNode[] {
  const measured = new Map<string, DesignerNode>();
  for (const c of current) if (c.measured?.width && c.measured.height) measured.set(c.id, c);
  return nodes.map((node) => {
    const known = measured.get(node.id);
    if (known === node) return node;
    if (known && outputKey(known) === outputKey(node)) {
      if (node.measured === known.measured && !node.handles) return node;
      const { handles: _estimate, ...rest } = node;
      return { ...rest, measured: known.measured } as DesignerNode;
    }
    const { measured: _stale, ...rest } = node;
    const layout = estimateNodeLayout(node);
    return { ...rest, initialWidth: layout.width, initialHeight: layout.height, handles: layout.handles } as DesignerNode;
  });
}

/** React Flow measured these nodes: its own handle bounds replace the estimate from now on. */
export function dropEstimates(nodes: DesignerNode[], measuredIds: ReadonlySet<string>): DesignerNode[] {
  if (measuredIds.size === 0) return nodes;
  return nodes.map((node) => {
    if (!node.handles || !measuredIds.has(node.id)) return node;
    const { handles: _estimate, ...rest } = node;
    return rest as DesignerNode;
  });
}
