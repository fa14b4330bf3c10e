import type { NodeType } from '@/codegen/design';
import { HANDLER_OUT, IN_HANDLE, MESSAGES_HANDLE, isHandlerType } from './handles';
import type { PortSide, XY } from './layout';

/**
 * The size and handles a node is drawn with before the canvas has measured it: the canvas starts
 * from these (components/flow/estimate.ts), and the layout uses them, in the browser and on the
 * server alike (a design generated from a form is laid out before it is saved). The figures
 * match the node CSS (app/globals.css: `.fnode` is 200 px wide, labels and subtitles are one
 * line) to within a pixel or two, measured in Chromium.
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

/** A handle's box relative to its node's top-left corner, and the side it sits on. */
export interface HandleGeometry {
  id: string;
  type: 'source' | 'target';
  side: PortSide;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface NodeGeometry {
  width: number;
  height: number;
  handles: HandleGeometry[];
}

/** A node of `type` whose output handles are `outputs` (sourceHandles), in order. */
export function nodeGeometry(type: NodeType, outputs: readonly string[]): NodeGeometry {
  const rowOutputs = ROW_OUTPUT_TYPES.includes(type);
  const height = type === 'start' ? HEIGHT_PLAIN : rowOutputs ? HEIGHT_WITH_OUTPUTS : HEIGHT_WITH_SUBTITLE;
  const centreX = (NODE_WIDTH - HANDLE_SIZE) / 2;
  const middleY = (height - HANDLE_SIZE) / 2;
  const bottomY = height - BOTTOM_HANDLE_INSET;
  const size = { width: HANDLE_SIZE, height: HANDLE_SIZE };
  const handles: HandleGeometry[] = [];
  if (type !== 'start' && !isHandlerType(type)) handles.push({ id: IN_HANDLE, type: 'target', side: 'top', x: centreX, y: TOP_HANDLE_Y, ...size });
  if (type === 'wait') handles.push({ id: MESSAGES_HANDLE, type: 'target', side: 'left', x: -SIDE_HANDLE_INSET, y: middleY, ...size });
  // Queries answer; they never lead anywhere, so their node has no output handle.
  const drawn = type === 'query' ? [] : outputs;
  drawn.forEach((id, i) => {
    if (id === HANDLER_OUT) {
      handles.push({ id, type: 'source', side: 'right', x: NODE_WIDTH - HANDLE_SIZE + SIDE_HANDLE_INSET, y: middleY, ...size });
    } else {
      // A row of outputs shares the width equally, each handle centred under its label.
      const slot = NODE_WIDTH / drawn.length;
      const x = rowOutputs ? slot * (i + 0.5) - HANDLE_SIZE / 2 : centreX;
      handles.push({ id, type: 'source', side: 'bottom', x, y: bottomY, ...size });
    }
  });
  return { width: NODE_WIDTH, height, handles };
}

/** Where an edge meets a handle (as React Flow anchors it): the middle of the handle's outer side. */
export function handleAnchorOf(h: Pick<HandleGeometry, 'side' | 'x' | 'y' | 'width' | 'height'>): XY {
  switch (h.side) {
    case 'top':
      return { x: h.x + h.width / 2, y: h.y };
    case 'bottom':
      return { x: h.x + h.width / 2, y: h.y + h.height };
    case 'left':
      return { x: h.x, y: h.y + h.height / 2 };
    default:
      return { x: h.x + h.width, y: h.y + h.height / 2 };
  }
}
