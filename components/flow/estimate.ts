import { Position, type NodeHandle } from '@xyflow/react';
import type { NodeType } from '@/codegen/design';
import { HANDLER_OUT, IN_HANDLE, MESSAGES_HANDLE, isHandlerType, sourceHandles } from './handles';
import type { DesignerNode } from './types';

/**
 * Size and handle layout of a node React Flow has not measured yet.
 *
 * React Flow renders every node without handle bounds once, to measure it, even with
 * `onlyRenderVisibleElements`: opening a 1,000-node design mounted and measured all 1,000
 * nodes (~8 s) before dropping the off-screen ones. A node that declares a size
 * (`initialWidth`/`initialHeight`) and its handles is culled by position instead and measured
 * only when it first comes into view; the declared handles draw the edges to it until then.
 * The figures match the node CSS (app/globals.css: `.fnode` is 200 px wide, labels and
 * subtitles are one line) to within a pixel or two, measured in Chromium.
 */
export const NODE_WIDTH = 200;
const HANDLE_SIZE = 10;
/** Height of a node with a head and a label only (Start). */
const HEIGHT_PLAIN = 57;
/** With a one-line subtitle (every other node). */
const HEIGHT_WITH_SUBTITLE = 77;
/** With a labelled row of outputs along the bottom (wait, decision). */
const HEIGHT_WITH_OUTPUTS = 100;
/** Handles overlap the node's border by a few pixels. */
const TOP_HANDLE_Y = -2;
const BOTTOM_HANDLE_INSET = 6;
const SIDE_HANDLE_INSET = 4;

/** Nodes whose outputs are a labelled row (components/flow/Outputs.tsx) rather than one handle. */
const ROW_OUTPUT_TYPES: readonly NodeType[] = ['wait', 'decision'];

export interface NodeLayout {
  width: number;
  height: number;
  handles: NodeHandle[];
}

/** The size and handles a node of this type and data is drawn with (see the node components). */
export function estimateNodeLayout(node: Pick<DesignerNode, 'type' | 'data'>): NodeLayout {
  const type = node.type;
  const rowOutputs = ROW_OUTPUT_TYPES.includes(type);
  const height = type === 'start' ? HEIGHT_PLAIN : rowOutputs ? HEIGHT_WITH_OUTPUTS : HEIGHT_WITH_SUBTITLE;
  const centreX = (NODE_WIDTH - HANDLE_SIZE) / 2;
  const middleY = (height - HANDLE_SIZE) / 2;
  const bottomY = height - BOTTOM_HANDLE_INSET;
  const handles: NodeHandle[] = [];
  if (type !== 'start' && !isHandlerType(type)) {
    handles.push({ id: IN_HANDLE, type: 'target', position: Position.Top, x: centreX, y: TOP_HANDLE_Y, width: HANDLE_SIZE, height: HANDLE_SIZE });
  }
  if (type === 'wait') {
    handles.push({ id: MESSAGES_HANDLE, type: 'target', position: Position.Left, x: -SIDE_HANDLE_INSET, y: middleY, width: HANDLE_SIZE, height: HANDLE_SIZE });
  }
  // Queries answer; they never lead anywhere, so their node has no output handle.
  const outputs = type === 'query' ? [] : sourceHandles({ type, ...node.data } as Parameters<typeof sourceHandles>[0]);
  outputs.forEach((id, i) => {
    if (id === HANDLER_OUT) {
      handles.push({ id, type: 'source', position: Position.Right, x: NODE_WIDTH - HANDLE_SIZE + SIDE_HANDLE_INSET, y: middleY, width: HANDLE_SIZE, height: HANDLE_SIZE });
    } else {
      // A row of outputs shares the width equally, each handle centred under its label.
      const slot = NODE_WIDTH / outputs.length;
      const x = rowOutputs ? slot * (i + 0.5) - HANDLE_SIZE / 2 : centreX;
      handles.push({ id, type: 'source', position: Position.Bottom, x, y: bottomY, width: HANDLE_SIZE, height: HANDLE_SIZE });
    }
  });
  return { width: NODE_WIDTH, height, handles };
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
