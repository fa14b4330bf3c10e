import { isStepKind } from '@/codegen/design';
import { IN_HANDLE, isHandlerType, MESSAGES_HANDLE, sourceHandles } from '../flow/handles';
import { checkDrag, type ConnectionVerdict, type DragEnd } from './connection';

interface Graph {
  nodes: readonly { id: string; type?: string; data?: object }[];
}

/**
 * A connection dropped on a step's body (not on a handle) is meant for that step: its input when
 * dragged from an output (a wait's messages port for a handler's edge), its first output when
 * dragged backwards from an input. Null when the step has no such end (a drag into a handler's body).
 */
export function bodyEnd(nodeId: string, from: DragEnd, graph: Graph): DragEnd | null {
  const node = graph.nodes.find((n) => n.id === nodeId);
  if (!node) return null;
  if (from.type === 'source') {
    const fromHandler = isHandlerType(graph.nodes.find((n) => n.id === from.nodeId)?.type);
    return { nodeId, id: fromHandler ? MESSAGES_HANDLE : IN_HANDLE, type: 'target' };
  }
  if (!node.type || (!isStepKind(node.type) && !isHandlerType(node.type))) return null;
  const first = sourceHandles({ type: node.type, ...node.data } as never)[0];
  return first ? { nodeId, id: first, type: 'source' } : null;
}

/** The verdict on dropping a connection from `from` on a step's body. */
export function verdictOnBody(nodeId: string, from: DragEnd, graph: Parameters<typeof checkDrag>[2] & Graph): ConnectionVerdict {
  const end = bodyEnd(nodeId, from, graph);
  if (!end) return { ok: false, reason: from.type === 'target' ? 'That step has no output to connect from' : 'That step takes no input' };
  return checkDrag(from, end, graph);
}

interface Box {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The topmost node whose box holds the point (flow coordinates), if any. */
export function nodeAt(point: { x: number; y: number }, boxes: Iterable<Box>): string | null {
  let found: string | null = null;
  for (const b of boxes) {
    if (point.x >= b.x && point.x <= b.x + b.width && point.y >= b.y && point.y <= b.y + b.height) found = b.id;
  }
  return found;
}
