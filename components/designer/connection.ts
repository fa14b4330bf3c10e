import type { Connection, Edge } from '@xyflow/react';
import { isHandlerType, MESSAGES_HANDLE } from '../flow/handles';

interface Graph {
  nodes: readonly { id: string; type?: string }[];
  edges: readonly Edge[];
}

/**
 * Which connections the canvas accepts:
 * - flow step → flow step (never into Start, never into a wait's message port);
 * - signal/update → wait (documents which message can satisfy it), once per pair;
 * - nothing ever flows into a message handler.
 */
export function isValidConnection(c: Connection | Edge, { nodes, edges }: Graph): boolean {
  if (!c.source || !c.target || c.source === c.target) return false;
  const source = nodes.find((n) => n.id === c.source);
  const target = nodes.find((n) => n.id === c.target);
  if (!source || !target) return false;
  if (isHandlerType(target.type) || target.type === 'start') return false;
  if (isHandlerType(source.type)) {
    if (source.type === 'query' || target.type !== 'wait') return false;
    return !edges.some((e) => e.source === c.source && e.target === c.target);
  }
  return c.targetHandle !== MESSAGES_HANDLE;
}
